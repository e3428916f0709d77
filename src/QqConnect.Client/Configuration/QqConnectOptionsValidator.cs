using System.Net;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using QqConnect.Client.Diagnostics;
using QqConnect.Client.Internal;
using QqConnect.Client.Resources;

namespace QqConnect.Client.Configuration;

/// <summary>Checks <see cref="QqConnectOptions"/>: at client construction for direct use, at start-up under DI.</summary>
internal sealed class QqConnectOptionsValidator : IValidateOptions<QqConnectOptions>
{
    /// <summary>The smallest accepted <see cref="QqConnectOptions.MaxResponseBodySize"/>.</summary>
    public const int MinResponseBodySize = 1024;

    /// <summary>The largest accepted <see cref="QqConnectOptions.MaxResponseBodySize"/>.</summary>
    public const int MaxResponseBodySize = 16 * 1024 * 1024;

    private readonly ILogger? _logger;

    /// <summary>Creates a validator that logs nothing.</summary>
    public QqConnectOptionsValidator()
    {
    }

    /// <summary>Creates a validator that logs warnings about valid but doubtful options (what DI uses when logging is registered).</summary>
    /// <param name="loggerFactory">Where the warnings go.</param>
    public QqConnectOptionsValidator(ILoggerFactory loggerFactory) => _logger = loggerFactory.CreateLogger<QqConnectOptionsValidator>();

    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, QqConnectOptions options)
    {
        var failures = Check(options);
        if (failures.Count > 0)
        {
            return ValidateOptionsResult.Fail(failures);
        }

        if (_logger is not null)
        {
            foreach (var warning in Warnings(options))
            {
                QqConnectLog.OptionsWarning(_logger, name ?? string.Empty, warning);
            }
        }

        return ValidateOptionsResult.Success;
    }

    /// <summary>What is valid but likely to make QQ refuse the login; logged as warnings at start-up.</summary>
    /// <param name="options">Valid options.</param>
    /// <returns>One sentence per warning, free of secrets.</returns>
    public static IReadOnlyList<string> Warnings(QqConnectOptions options)
    {
        var warnings = new List<string>();
        if (options.RedirectUri is { } redirectUri && HasFragment(redirectUri))
        {
            warnings.Add(Strings.OptionsRedirectUriFragment);
        }

        return warnings;
    }

    /// <summary>Lists what is wrong with <paramref name="options"/>; empty when they are valid.</summary>
    /// <param name="options">The options to check.</param>
    /// <returns>One sentence per problem, free of secrets.</returns>
    public static IReadOnlyList<string> Check(QqConnectOptions options)
    {
        Guard.NotNull(options, nameof(options));

        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.AppId))
        {
            failures.Add(Strings.OptionsAppIdRequired);
        }
        else if (HasControlOrSpace(options.AppId))
        {
            failures.Add(Strings.OptionsAppIdSpaces);
        }

        if (string.IsNullOrWhiteSpace(options.AppKey))
        {
            failures.Add(Strings.OptionsAppKeyRequired);
        }
        else if (HasControlOrSpace(options.AppKey))
        {
            failures.Add(Strings.OptionsAppKeySpaces);
        }

        if (string.IsNullOrWhiteSpace(options.RedirectUri))
        {
            failures.Add(Strings.OptionsRedirectUriRequired);
        }
        else if (!Guard.IsAbsoluteHttpUrl(options.RedirectUri))
        {
            failures.Add(Strings.OptionsRedirectUriAbsolute);
        }
        else if (options.RedirectUri!.Length > Guard.MaxStateOrUrlLength
            || QqWire.LengthProblem(options.RedirectUri, "redirect URI") is not null)
        {
            failures.Add(
                Messages.Format(Strings.OptionsRedirectUriTooLong, QqWire.BytesAsSent(options.RedirectUri), QqWire.MaxParameterBytes));
        }

        if (options.BaseAddress is null || !options.BaseAddress.IsAbsoluteUri)
        {
            failures.Add(Strings.OptionsBaseAddressAbsolute);
        }
        else if (options.BaseAddress.Scheme != Uri.UriSchemeHttps && !(options.BaseAddress.Scheme == Uri.UriSchemeHttp && IsLoopback(options.BaseAddress)))
        {
            failures.Add(Strings.OptionsBaseAddressHttps);
        }
        else if (options.BaseAddress.Query.Length > 0 || options.BaseAddress.Fragment.Length > 0)
        {
            // Each call's path and query are appended to it: a query or fragment here would swallow them.
            failures.Add(Strings.OptionsBaseAddressQuery);
        }

        if (options.Scopes is not null)
        {
            foreach (var scope in options.Scopes)
            {
                if (string.IsNullOrWhiteSpace(scope) || HasControlOrSpace(scope) || scope.Contains(','))
                {
                    failures.Add(Strings.OptionsScopes);
                    break;
                }
            }
        }

        if (options.AcceptedAppIds is not null && options.AcceptedAppIds.Any(id => string.IsNullOrWhiteSpace(id) || HasControlOrSpace(id)))
        {
            failures.Add(Strings.OptionsAcceptedAppIds);
        }

        if (options.MaxResponseBodySize < MinResponseBodySize || options.MaxResponseBodySize > MaxResponseBodySize)
        {
            failures.Add(Messages.Format(Strings.OptionsMaxResponseBodySize, MinResponseBodySize, MaxResponseBodySize));
        }

        CheckResilience(options.Resilience, failures);
        return failures;
    }

    private static void CheckResilience(QqConnectResilienceOptions? resilience, List<string> failures)
    {
        if (resilience is null)
        {
            failures.Add(Strings.OptionsResilienceNull);
            return;
        }

        // The total timeout bounds every call, with or without the rest of the pipeline.
        if (!resilience.Enabled)
        {
            if (!IsPollyTimeout(resilience.TotalTimeout))
            {
                failures.Add(Strings.OptionsTotalTimeout);
            }

            return;
        }

        if (!IsPollyTimeout(resilience.AttemptTimeout) || !IsPollyTimeout(resilience.TotalTimeout))
        {
            failures.Add(Strings.OptionsTimeouts);
        }

        if (resilience.MaxRetryAttempts < 0 || resilience.MaxRetryAttempts > 10)
        {
            failures.Add(Strings.OptionsMaxRetryAttempts);
        }

        if (resilience.RetryBaseDelay < TimeSpan.Zero || resilience.RetryBaseDelay > TimeSpan.FromMinutes(1))
        {
            failures.Add(Strings.OptionsRetryBaseDelay);
        }
    }

    private static bool IsPollyTimeout(TimeSpan timeout) => timeout > TimeSpan.FromMilliseconds(10) && timeout < TimeSpan.FromHours(24);

    internal static void ThrowIfInvalid(QqConnectOptions options)
    {
        var failures = Check(options);
        if (failures.Count > 0)
        {
            throw new ArgumentException(Messages.Format(Strings.OptionsInvalid, string.Join(" ", failures)), nameof(options));
        }
    }

    private static bool IsLoopback(Uri uri) =>
        uri.IsLoopback || (IPAddress.TryParse(uri.DnsSafeHost, out var address) && IPAddress.IsLoopback(address));

#if NET5_0_OR_GREATER
    private static bool HasFragment(string url) => url.Contains('#', StringComparison.Ordinal);
#else
    private static bool HasFragment(string url) => url.IndexOf('#') >= 0;
#endif

    private static bool HasControlOrSpace(string value)
    {
        foreach (var c in value)
        {
            if (char.IsControl(c) || char.IsWhiteSpace(c))
            {
                return true;
            }
        }

        return false;
    }
}
