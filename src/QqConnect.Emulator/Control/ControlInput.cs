using QqConnect.Client.Testing;
using QqConnect.Emulator.CommandLine;

namespace QqConnect.Emulator.Control;

/// <summary>
/// Checks what a control request asks for and builds the emulator's values from it; a mistake is one plain sentence.
/// Bounds keep a long-running emulator's memory flat and its answers sane.
/// </summary>
internal static class ControlInput
{
    /// <summary>The most users the control API lets the emulator hold.</summary>
    public const int MaxUsers = 1000;

    /// <summary>The most faults pending at once through the control API.</summary>
    public const int MaxPendingFaults = 1000;

    /// <summary>The longest text field of a user.</summary>
    public const int MaxTextLength = 256;

    /// <summary>The longest fault delay, in milliseconds (10 minutes).</summary>
    public const int MaxDelayMs = 600_000;

    /// <summary>The most padding of an OversizedBody fault (64 MiB).</summary>
    public const int MaxPaddingBytes = 64 * 1024 * 1024;

    /// <summary>The user described by <paramref name="config"/>; <paramref name="pathKey"/> is the key named in the URL, if any.</summary>
    public static EmulatorUser ToUser(EmulatorUserConfig config, string? pathKey)
    {
        var key = config.Key;
        if (pathKey is not null)
        {
            if (key is not null && !string.Equals(key, pathKey, StringComparison.Ordinal))
            {
                throw new ControlInputException($"the body's key '{key}' is not the key in the URL '{pathKey}'; leave it out or make them equal");
            }

            key = pathKey;
        }

        key = Text(key, "key", required: true)!;
        var defaults = new EmulatorUser("defaults", "");
        var avatar = config.LargeQqAvatar ?? defaults.LargeQqAvatar;
        if (!Enum.IsDefined(avatar))
        {
            throw new ControlInputException("largeQqAvatar must be one of " + string.Join(", ", Enum.GetNames<EmulatorAvatarPresence>()));
        }

        return new EmulatorUser(key, Text(config.Nickname, "nickname", required: true)!)
        {
            Gender = Text(config.Gender, "gender") ?? defaults.Gender,
            GenderType = config.GenderType ?? defaults.GenderType,
            Province = Text(config.Province, "province") ?? defaults.Province,
            City = Text(config.City, "city") ?? defaults.City,
            Year = Text(config.Year, "year") ?? defaults.Year,
            Constellation = Text(config.Constellation, "constellation") ?? defaults.Constellation,
            LargeQqAvatar = avatar,
            Vip = config.Vip ?? defaults.Vip,
            Level = config.Level ?? defaults.Level,
            IsYellowVip = config.IsYellowVip ?? defaults.IsYellowVip,
            YellowVipLevel = config.YellowVipLevel ?? defaults.YellowVipLevel,
            IsYellowYearVip = config.IsYellowYearVip ?? defaults.IsYellowYearVip,
            AvatarColor = Text(config.AvatarColor, "avatarColor") ?? defaults.AvatarColor,
        };
    }

    /// <summary>The fault described by <paramref name="config"/>, with the meaning of <c>--fault</c> (count 0 = every request).</summary>
    public static EmulatorFault ToFault(EmulatorFaultConfig config)
    {
        var kinds = string.Join(", ", Enum.GetNames<EmulatorFaultKind>());
        if (config.Kind is not { } kind)
        {
            throw new ControlInputException("a fault needs a kind: one of " + kinds);
        }

        if (!Enum.IsDefined(kind))
        {
            throw new ControlInputException("kind must be one of " + kinds);
        }

        if (config.Phase is { } phase && !Enum.IsDefined(phase))
        {
            throw new ControlInputException("phase must be one of " + string.Join(", ", Enum.GetNames<EmulatorFaultPhase>()));
        }

        if (config.Endpoint is { } endpoint && (!endpoint.StartsWith('/') || endpoint.Length > MaxTextLength))
        {
            throw new ControlInputException("endpoint must be a path starting with '/', such as /oauth2.0/token (or left out for every path)");
        }

        Check(config.Count is null or >= 0, "count must be 0 (every request) or more");
        Check(config.DelayMs is null or (>= 0 and <= MaxDelayMs), $"delayMs must be from 0 to {MaxDelayMs}");
        Check(config.StatusCode is null or (>= 200 and <= 599), "statusCode must be an HTTP status from 200 to 599 (a 1xx status never ends an answer)");
        Check(config.ChunkSize is null or >= 1, "chunkSize must be 1 or more");
        Check(config.PaddingBytes is null or (>= 0 and <= MaxPaddingBytes), $"paddingBytes must be from 0 to {MaxPaddingBytes}");
        return config.ToFault();
    }

    private static void Check(bool condition, string message)
    {
        if (!condition)
        {
            throw new ControlInputException(message);
        }
    }

    private static string? Text(string? value, string name, bool required = false)
    {
        if (value is null || (required && string.IsNullOrWhiteSpace(value)))
        {
            return required ? throw new ControlInputException($"{name} is required (a non-empty string)") : null;
        }

        return value.Length <= MaxTextLength ? value : throw new ControlInputException($"{name} is longer than {MaxTextLength} characters");
    }
}
