#!/usr/bin/env -S dotnet run
// QQ login from a script: prints the authorize URL, receives QQ's callback on a loopback port, exchanges the
// code and prints who logged in. Uses `new QqConnectClient(options)`, no host and no dependency injection.
//
//   QQ_APP_ID=101xxxxxx QQ_APP_KEY=... QQ_REDIRECT_URI=http://127.0.0.1:8080/signin-qq dotnet run samples/scripts/qq-login.cs
//   dotnet run samples/scripts/qq-login.cs -- --emulator [--user 0|1|2]
//
// Environment: QQ_APP_ID, QQ_APP_KEY, QQ_REDIRECT_URI (exactly as registered on QQ互联), QQ_BASE_ADDRESS
// (optional, default https://graph.qq.com/), QQ_LOGIN_TIMEOUT_SECONDS (optional, default 300).
// When QQ_REDIRECT_URI is an http URL whose host resolves to this machine (localhost, 127.0.0.1, or a
// registered domain mapped to 127.0.0.1 in the hosts file), the script listens on its port, on loopback
// only. Otherwise paste the address the browser ended on after login.
//
// --emulator starts the QQ Connect emulator on a free loopback port and plays the browser itself: the
// emulator's user approves, and the callback is sent to the script's own listener. Nothing to configure;
// this is what CI runs (eng/script-smoke.sh).
#:project ../../src/QqConnect.Client/QqConnect.Client.csproj
#:project ../../src/QqConnect.Emulator/QqConnect.Emulator.csproj
#:property PublishAot=false
#:property NoWarn=$(NoWarn);CA2007

using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using QqConnect.Client;
using QqConnect.Client.Testing;
using QqConnect.Emulator;

Console.OutputEncoding = Encoding.UTF8;

var useEmulator = args.Contains("--emulator");
var userIndex = 0;
var userArg = Array.IndexOf(args, "--user");
if (userArg >= 0 && (userArg + 1 >= args.Length || !int.TryParse(args[userArg + 1], out userIndex)))
{
    return Fail("--user needs a number: 0, 1 or 2 (the emulator's users).");
}

var timeout = TimeSpan.FromSeconds(int.TryParse(Environment.GetEnvironmentVariable("QQ_LOGIN_TIMEOUT_SECONDS"), out var seconds) && seconds > 0 ? seconds : 300);
using var cancel = new CancellationTokenSource(timeout);
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};

QqConnectEmulatorServer? emulator = null;
TcpListener? listener = null;
try
{
    QqConnectOptions options;
    if (useEmulator)
    {
        emulator = await QqConnectEmulatorServer.StartAsync(cancellationToken: cancel.Token);
        listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        options = new QqConnectOptions
        {
            AppId = QqConnectEmulatorOptions.DefaultAppId,
            AppKey = QqConnectEmulatorOptions.DefaultAppKey,
            RedirectUri = $"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}/signin-qq",
            BaseAddress = emulator.BaseAddress,
        };
        Console.WriteLine($"emulator: QQ Connect emulator at {emulator.BaseAddress} (app {options.AppId}, user {userIndex})");
    }
    else
    {
        options = new QqConnectOptions
        {
            AppId = Environment.GetEnvironmentVariable("QQ_APP_ID") ?? "",
            AppKey = Environment.GetEnvironmentVariable("QQ_APP_KEY") ?? "",
            RedirectUri = Environment.GetEnvironmentVariable("QQ_REDIRECT_URI") ?? "",
        };
        if (Environment.GetEnvironmentVariable("QQ_BASE_ADDRESS") is { Length: > 0 } baseAddress)
        {
            if (!Uri.TryCreate(baseAddress, UriKind.Absolute, out var address))
            {
                return Fail("QQ_BASE_ADDRESS must be an absolute URL such as https://graph.qq.com/.");
            }

            options.BaseAddress = address;
        }

        if (options.AppId.Length == 0 || options.AppKey.Length == 0 || options.RedirectUri.Length == 0)
        {
            return Fail("Set QQ_APP_ID, QQ_APP_KEY and QQ_REDIRECT_URI (or pass --emulator to try it without a QQ app).");
        }

        listener = TryListen(options.RedirectUri);
    }

    // Validates the options (a bad value is an ArgumentException naming it, never showing the app key).
    using var qq = new QqConnectClient(options);

    // state: an unguessable value that must come back unchanged (CSRF protection).
    var state = Convert.ToHexString(RandomNumberGenerator.GetBytes(16)).ToLowerInvariant();
    var authorizeUrl = qq.BuildAuthorizeUrl(state);
    Console.WriteLine("Open this address in a browser and log in with QQ (QQ登录):");
    Console.WriteLine();
    Console.WriteLine("  " + authorizeUrl.AbsoluteUri);
    Console.WriteLine();

    Task browser = Task.CompletedTask;
    if (emulator is not null)
    {
        // Play the browser: the emulator's user approves, then the browser follows QQ's redirect to us.
        var callbackUrl = emulator.Emulator.Authorize(authorizeUrl, userIndex);
        browser = Task.Run(async () =>
        {
            using var http = new HttpClient();
            using var response = await http.GetAsync(callbackUrl, cancel.Token);
            Console.WriteLine($"browser: followed the redirect to {callbackUrl.GetLeftPart(UriPartial.Path)} ({(int)response.StatusCode})");
        });
    }

    string callbackTarget;
    if (listener is not null)
    {
        Console.WriteLine($"Waiting for QQ's callback on {options.RedirectUri} (loopback only, {timeout.TotalSeconds:0} s)...");
        callbackTarget = await ReceiveCallbackAsync(listener, new Uri(options.RedirectUri).AbsolutePath, cancel.Token);
    }
    else
    {
        Console.WriteLine("After login, paste the address your browser was sent to (it starts with QQ_REDIRECT_URI):");
        callbackTarget = await Console.In.ReadLineAsync(cancel.Token) ?? "";
    }

    var callback = Uri.TryCreate(callbackTarget.Trim(), UriKind.RelativeOrAbsolute, out var callbackUri)
        ? QqCallback.Parse(callbackUri)
        : QqCallback.Parse(callbackTarget.Trim());
    if (callback.Outcome == QqCallbackOutcome.Error)
    {
        return Fail($"QQ reported an error: {callback.ErrorCode} {callback.ErrorDescription}");
    }

    if (callback.Outcome == QqCallbackOutcome.Cancelled)
    {
        return Fail("The login was cancelled on QQ's page (usercancel).");
    }

    if (!callback.IsSuccess)
    {
        return Fail("That is not a QQ login callback (no code).");
    }

    if (!CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(callback.State ?? ""), Encoding.UTF8.GetBytes(state)))
    {
        return Fail("The state does not match: this callback belongs to another login. Start again.");
    }

    var token = await qq.ExchangeCodeAsync(callback.Code!, cancel.Token);
    var who = await qq.GetOpenIdAsync(token.AccessToken, cancel.Token);
    var user = await qq.GetUserInfoAsync(token.AccessToken, who.OpenId, cancel.Token);
    await browser;

    // Tokens are secrets: print when they expire, never their value.
    Console.WriteLine();
    Console.WriteLine("Logged in (登录成功):");
    Console.WriteLine($"  nickname: {user.Nickname}");
    Console.WriteLine($"  openid:   {who.OpenId}");
    if (who.UnionId is not null)
    {
        Console.WriteLine($"  unionid:  {who.UnionId}");
    }

    Console.WriteLine($"  gender:   {user.Gender}");
    Console.WriteLine($"  location: {user.Province} {user.City}".TrimEnd());
    Console.WriteLine($"  avatar:   {user.AvatarUrl}");
    Console.WriteLine($"  access token expires at {token.ExpiresAt:u}{(token.RefreshToken is null ? "" : "; a refresh token was issued")}");
    return 0;
}
catch (OperationCanceledException) when (cancel.IsCancellationRequested)
{
    return Fail($"No callback within {timeout.TotalSeconds:0} s (or Ctrl+C).");
}
catch (QqConnectApiException e)
{
    return Fail($"QQ error {e.ErrorCode}: {e.ErrorDescription}. {e.ErrorInfo?.Advice}");
}
catch (QqConnectException e)
{
    return Fail($"{e.Kind} during {e.Operation}: {e.Message}");
}
catch (ArgumentException e)
{
    return Fail(e.Message);
}
finally
{
    listener?.Stop();
    if (emulator is not null)
    {
        await emulator.DisposeAsync();
    }
}

static int Fail(string message)
{
    Console.Error.WriteLine("qq-login: " + message);
    return 1;
}

// Listens on the redirect URI's port when it is plain http on a name that resolves to this machine.
static TcpListener? TryListen(string redirectUri)
{
    if (!Uri.TryCreate(redirectUri, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttp)
    {
        return null;
    }

    IPAddress[] addresses;
    try
    {
        addresses = uri.IsLoopback ? [IPAddress.Loopback] : Dns.GetHostAddresses(uri.DnsSafeHost);
    }
    catch (SocketException)
    {
        return null;
    }

    var loopback = addresses.FirstOrDefault(IPAddress.IsLoopback);
    if (loopback is null)
    {
        return null;
    }

    var listener = new TcpListener(loopback, uri.Port);
    listener.Start();
    return listener;
}

// A tiny HTTP/1.1 server: answers every request, returns the first one on the callback path.
static async Task<string> ReceiveCallbackAsync(TcpListener listener, string path, CancellationToken cancellationToken)
{
    while (true)
    {
        using var connection = await listener.AcceptTcpClientAsync(cancellationToken);
        using var cancelRead = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        cancelRead.CancelAfter(TimeSpan.FromSeconds(10));
        var stream = connection.GetStream();
        string requestLine;
        try
        {
            var reader = new StreamReader(stream, Encoding.ASCII, leaveOpen: true);
            requestLine = await reader.ReadLineAsync(cancelRead.Token) ?? "";
            while (await reader.ReadLineAsync(cancelRead.Token) is { Length: > 0 })
            {
                // Skip the headers.
            }
        }
        catch (Exception e) when (e is IOException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            continue;
        }

        var parts = requestLine.Split(' ');
        var target = parts.Length == 3 && parts[0] == "GET" ? parts[1] : "";
        var targetPath = target.Split('?')[0];
        var isCallback = string.Equals(targetPath, path, StringComparison.Ordinal);
        var body = isCallback
            ? "<!doctype html><meta charset=utf-8><title>QQ login</title><p>登录完成, you can close this window and return to the terminal."
            : "<!doctype html><meta charset=utf-8><title>Not found</title><p>Not the QQ login callback.";
        var bytes = Encoding.UTF8.GetBytes(body);
        var head = Encoding.ASCII.GetBytes(
            $"HTTP/1.1 {(isCallback ? "200 OK" : "404 Not Found")}\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: {bytes.Length}\r\nCache-Control: no-store\r\nReferrer-Policy: no-referrer\r\nConnection: close\r\n\r\n");
        try
        {
            await stream.WriteAsync(head, cancellationToken);
            await stream.WriteAsync(bytes, cancellationToken);
        }
        catch (IOException)
        {
            // The browser went away; the callback still counts.
        }

        if (isCallback)
        {
            return target;
        }
    }
}
