using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Http;
using QqConnect.Client.Testing;

namespace QqConnect.Emulator.Control;

/// <summary>
/// The control API (<c>--control</c>): a small JSON API under <see cref="QqConnectEmulatorServerOptions.ControlPath"/>
/// with the meaning of the emulator's C# API — apps and users, adding or replacing a user, faults, counters, reset and
/// the last requests. Answers only loopback requests (<see cref="ControlAccess"/>); every refusal is
/// <c>{"error": "…"}</c>.
/// </summary>
internal static class ControlEndpoint
{
    private static readonly string[] Operations =
    [
        "GET /_emulator/apps",
        "GET /_emulator/users",
        "POST /_emulator/users",
        "GET /_emulator/users/{key}",
        "PUT /_emulator/users/{key}",
        "GET /_emulator/faults",
        "POST /_emulator/faults",
        "DELETE /_emulator/faults",
        "GET /_emulator/counters",
        "POST /_emulator/reset",
        "GET /_emulator/requests?last=N",
    ];

    private static ControlJsonContext Json => ControlJsonContext.Readable;

    /// <summary>Answers one control request; <paramref name="context"/>'s path is the part after the control path.</summary>
    public static async Task ServeAsync(HttpContext context, QqConnectEmulator emulator, Action<string>? log)
    {
        int status;
        try
        {
            status = await RouteAsync(context, emulator).ConfigureAwait(false);
        }
        catch (ControlInputException exception)
        {
            status = exception.StatusCode;
            await WriteAsync(context, status, new ControlErrorAnswer(exception.Message), Json.ControlErrorAnswer).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            return;
        }

        log?.Invoke(string.Create(CultureInfo.InvariantCulture, $"{context.Request.Method} {context.Request.PathBase}{context.Request.Path} -> {status} (control)"));
    }

    private static async Task<int> RouteAsync(HttpContext context, QqConnectEmulator emulator)
    {
        if (ControlAccess.Refusal(context) is { } refusal)
        {
            throw new ControlInputException(refusal) { StatusCode = 403 };
        }

        var request = context.Request;
        var method = request.Method;
        var path = request.Path.Value is { Length: > 0 } value ? value.TrimEnd('/') : "";
        var aborted = context.RequestAborted;
        switch (path.ToUpperInvariant())
        {
            case "":
                Allow(context, method, "GET");
                return await WriteAsync(context, 200, new ControlIndexAnswer(Operations), Json.ControlIndexAnswer).ConfigureAwait(false);
            case "/APPS":
                Allow(context, method, "GET");
                return await WriteAsync(context, 200, Apps(emulator), Json.ControlAppsAnswer).ConfigureAwait(false);
            case "/USERS":
                Allow(context, method, "GET", "POST");
                if (HttpMethods.IsGet(method))
                {
                    return await WriteAsync(context, 200, Users(emulator), Json.ControlUsersAnswer).ConfigureAwait(false);
                }

                return await PutUserAsync(context, emulator, pathKey: null).ConfigureAwait(false);
            case "/FAULTS":
                Allow(context, method, "GET", "POST", "DELETE");
                if (HttpMethods.IsPost(method))
                {
                    var fault = ControlInput.ToFault(await ControlRequestBody.ReadAsync(request, Json.EmulatorFaultConfig, aborted).ConfigureAwait(false));
                    if (emulator.Faults.Count >= ControlInput.MaxPendingFaults)
                    {
                        throw new ControlInputException($"{ControlInput.MaxPendingFaults} faults are pending already; clear them first (DELETE /_emulator/faults)") { StatusCode = 409 };
                    }

                    emulator.Faults.Add(fault);
                    return await WriteAsync(context, 201, new ControlFaultsAnswer(emulator.Faults.Count), Json.ControlFaultsAnswer).ConfigureAwait(false);
                }

                if (HttpMethods.IsDelete(method))
                {
                    emulator.Faults.Clear();
                }

                return await WriteAsync(context, 200, new ControlFaultsAnswer(emulator.Faults.Count), Json.ControlFaultsAnswer).ConfigureAwait(false);
            case "/COUNTERS":
                Allow(context, method, "GET");
                return await WriteAsync(context, 200, Counters(emulator), Json.ControlCountersAnswer).ConfigureAwait(false);
            case "/RESET":
                Allow(context, method, "POST");
                emulator.Reset();
                return await WriteAsync(context, 200, new ControlResetAnswer(true), Json.ControlResetAnswer).ConfigureAwait(false);
            case "/REQUESTS":
                Allow(context, method, "GET");
                var requests = emulator.GetRecentRequests(Last(request)).Select(ControlRequestAnswer.Of).ToArray();
                return await WriteAsync(context, 200, new ControlRequestsAnswer(requests), Json.ControlRequestsAnswer).ConfigureAwait(false);
            default:
                if (path.StartsWith("/users/", StringComparison.OrdinalIgnoreCase) && path.Length > "/users/".Length)
                {
                    var key = path["/users/".Length..];
                    Allow(context, method, "GET", "PUT");
                    if (HttpMethods.IsPut(method))
                    {
                        return await PutUserAsync(context, emulator, key).ConfigureAwait(false);
                    }

                    var index = emulator.IndexOfUser(key);
                    if (index < 0)
                    {
                        throw new ControlInputException($"no user has the key '{key}'") { StatusCode = 404 };
                    }

                    return await WriteAsync(context, 200, ControlUserAnswer.Of(emulator, index, emulator.Users[index]), Json.ControlUserAnswer).ConfigureAwait(false);
                }

                throw new ControlInputException($"no control operation at {request.PathBase}{request.Path}; GET {request.PathBase}/ lists them") { StatusCode = 404 };
        }
    }

    private static async Task<int> PutUserAsync(HttpContext context, QqConnectEmulator emulator, string? pathKey)
    {
        var config = await ControlRequestBody.ReadAsync(context.Request, Json.EmulatorUserConfig, context.RequestAborted).ConfigureAwait(false);
        var user = ControlInput.ToUser(config, pathKey);
        if (emulator.IndexOfUser(user.Key) < 0 && emulator.Users.Count >= ControlInput.MaxUsers)
        {
            throw new ControlInputException($"the emulator holds {ControlInput.MaxUsers} users already, the most the control API adds") { StatusCode = 409 };
        }

        var (index, replaced) = emulator.AddOrReplaceUser(user);
        return await WriteAsync(context, replaced ? 200 : 201, ControlUserAnswer.Of(emulator, index, user), Json.ControlUserAnswer).ConfigureAwait(false);
    }

    private static ControlAppsAnswer Apps(QqConnectEmulator emulator) =>
        new([.. emulator.Apps.Select(app => new ControlAppAnswer(app.AppId, app.Name, app.CallbackDomains, app.UnionIdGranted, app.DeveloperId))]);

    private static ControlUsersAnswer Users(QqConnectEmulator emulator)
    {
        var users = emulator.Users;
        return new([.. users.Select((user, index) => ControlUserAnswer.Of(emulator, index, user))]);
    }

    private static ControlCountersAnswer Counters(QqConnectEmulator emulator)
    {
        var requests = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var (path, count) in emulator.GetRequestCounts())
        {
            requests[path] = count;
        }

        return new ControlCountersAnswer(
            emulator.CodesIssued, emulator.CodesRedeemed, emulator.CodeReplays, emulator.RefreshTokenReplays, emulator.Faults.Count, requests);
    }

    private static int Last(HttpRequest request)
    {
        var text = request.Query["last"].ToString();
        if (text.Length == 0)
        {
            return QqConnectEmulator.RecentRequestCapacity;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var last) && last is >= 1 and <= QqConnectEmulator.RecentRequestCapacity
            ? last
            : throw new ControlInputException($"last must be a whole number from 1 to {QqConnectEmulator.RecentRequestCapacity}, got '{text}'");
    }

    private static void Allow(HttpContext context, string method, params string[] allowed)
    {
        if (allowed.Contains(method, StringComparer.OrdinalIgnoreCase))
        {
            return;
        }

        context.Response.Headers.Allow = string.Join(", ", allowed);
        throw new ControlInputException($"{method} is not an operation here; use {string.Join(" or ", allowed)}") { StatusCode = 405 };
    }

    private static async Task<int> WriteAsync<T>(HttpContext context, int status, T value, JsonTypeInfo<T> info)
    {
        var response = context.Response;
        response.StatusCode = status;
        response.ContentType = "application/json; charset=utf-8";
        response.Headers.CacheControl = "no-store";
        response.Headers.XContentTypeOptions = "nosniff";
        await JsonSerializer.SerializeAsync(response.Body, value, info, context.RequestAborted).ConfigureAwait(false);
        return status;
    }
}
