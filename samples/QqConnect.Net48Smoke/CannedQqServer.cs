using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace QqConnect.Net48Smoke;

/// <summary>
/// A tiny HTTP/1.1 server on a loopback socket that answers like graph.qq.com, from canned bodies chosen by
/// the request's path and query. One request per connection (Connection: close). The emulator package is
/// .NET 8+ only, so the smoke brings its own, written from the protocol reference.
/// </summary>
internal sealed class CannedQqServer : IDisposable
{
    public const string AppId = "101000001";
    public const string AppKey = "NET48SMOKEAPPKEY0123456789abcdef";
    public const string RedirectUri = "https://www.example.com/signin-qq?from=qq&lang=zh";
    public const string GoodCode = "GOODCODE0123456789ABCDEF01234567";
    public const string ReusedCode = "USEDCODE0123456789ABCDEF01234567";
    public const string AccessToken = "ACCESSTOKEN0123456789ABCDEF01234";
    public const string RefreshToken = "REFRESHTOKEN0123456789ABCDEF0123";
    public const string HostileToken = "HOSTILETOKEN0123456789ABCDEF0123";
    public const string NotUtf8Token = "NOTUTF8TOKEN0123456789ABCDEF0123";
    public const string HugeToken = "HUGETOKEN0123456789ABCDEF0123456";
    public const string OpenId = "4B8E3A5C9D0F1E2A3B4C5D6E7F809A1B";

    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;

    public CannedQqServer()
    {
        _listener.Start();
        BaseAddress = new Uri($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/");
        _accepting = Task.Run(AcceptAsync);
    }

    /// <summary>Where the server listens, for <c>QqConnectOptions.BaseAddress</c>.</summary>
    public Uri BaseAddress { get; }

    /// <summary>Every request target (path and query) received, in order.</summary>
    public ConcurrentQueue<string> Requests { get; } = new();

    /// <summary>The redirect_uri values of code exchanges, decoded as QQ decodes them.</summary>
    public ConcurrentQueue<string> ExchangeRedirectUris { get; } = new();

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
        try
        {
            _accepting.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
            // The accept loop ends with the listener.
        }

        _stop.Dispose();
    }

    /// <summary>Splits a query string into decoded name/value pairs, as a form decoder (and QQ) reads it.</summary>
    public static Dictionary<string, string> ParseQuery(string query)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in query.TrimStart('?').Split('&'))
        {
            if (pair.Length == 0)
            {
                continue;
            }

            var equals = pair.IndexOf('=');
            var name = equals < 0 ? pair : pair.Substring(0, equals);
            var value = equals < 0 ? string.Empty : pair.Substring(equals + 1);
            values[Decode(name)] = Decode(value);
        }

        return values;
    }

    private static string Decode(string value) => Uri.UnescapeDataString(value.Replace('+', ' '));

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient connection;
            try
            {
                connection = await _listener.AcceptTcpClientAsync().ConfigureAwait(false);
            }
            catch (Exception) when (_stop.IsCancellationRequested)
            {
                return;
            }

            _ = Task.Run(() => ServeAsync(connection));
        }
    }

    private async Task ServeAsync(TcpClient connection)
    {
        using (connection)
        using (var stream = connection.GetStream())
        {
            var head = await ReadHeadAsync(stream).ConfigureAwait(false);
            var requestLine = head.Split(new[] { "\r\n" }, StringSplitOptions.None)[0].Split(' ');
            var target = requestLine.Length > 1 ? requestLine[1] : "/";
            Requests.Enqueue(target);

            var (status, body) = Answer(target);
            var header = Encoding.ASCII.GetBytes(
                $"HTTP/1.1 {status}\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: {body.Length}\r\nConnection: close\r\n\r\n");
            await stream.WriteAsync(header, 0, header.Length).ConfigureAwait(false);
            await stream.WriteAsync(body, 0, body.Length).ConfigureAwait(false);
            await stream.FlushAsync().ConfigureAwait(false);
        }
    }

    private static async Task<string> ReadHeadAsync(NetworkStream stream)
    {
        var head = new StringBuilder();
        var buffer = new byte[1];
        while (head.Length < 16 * 1024)
        {
            if (await stream.ReadAsync(buffer, 0, 1).ConfigureAwait(false) == 0)
            {
                break;
            }

            head.Append((char)buffer[0]);
            if (head.Length >= 4 && head[head.Length - 1] == '\n' && head.ToString(head.Length - 4, 4) == "\r\n\r\n")
            {
                break;
            }
        }

        return head.ToString();
    }

    private (string Status, byte[] Body) Answer(string target)
    {
        var question = target.IndexOf('?');
        var path = question < 0 ? target : target.Substring(0, question);
        var query = ParseQuery(question < 0 ? string.Empty : target.Substring(question));
        query.TryGetValue("access_token", out var token);

        switch (path)
        {
            case "/oauth2.0/token" when query.TryGetValue("client_secret", out var secret) && secret == AppKey:
                if (query.TryGetValue("redirect_uri", out var redirectUri))
                {
                    ExchangeRedirectUris.Enqueue(redirectUri);
                }

                if (query.TryGetValue("code", out var code) && code == GoodCode && redirectUri == RedirectUri)
                {
                    return Ok($"{{\"access_token\":\"{AccessToken}\",\"expires_in\":\"7776000\",\"refresh_token\":\"{RefreshToken}\"}}");
                }

                return code == ReusedCode
                    ? Ok("{\"error\":100020,\"error_description\":\"code is reused error\"}")
                    : Ok("{\"error\":100019,\"error_description\":\"code to access token error\"}");

            case "/oauth2.0/me" when token == AccessToken:
                return Ok($"callback( {{\"client_id\":\"{AppId}\",\"openid\":\"{OpenId}\"}} );\n");

            case "/oauth2.0/me" when token == HostileToken:
                // Cut off mid-answer, as a broken proxy would leave it.
                return Ok($"callback( {{\"client_id\":\"{AppId}\",\"openid\":");

            case "/oauth2.0/me" when token == HugeToken:
                return ("200 OK", Encoding.ASCII.GetBytes(new string(' ', 80 * 1024) + "{}"));

            case "/user/get_user_info" when token == AccessToken && query.TryGetValue("openid", out var openId) && openId == OpenId:
                return Ok("{\"ret\":0,\"msg\":\"\",\"nickname\":\"小明\",\"gender\":\"男\",\"figureurl_qq_1\":\"http://thirdqq.qlogo.cn/g?b=oidb&k=1&s=40\",\"figureurl_qq_2\":\"http://thirdqq.qlogo.cn/g?b=oidb&k=1&s=100\"}");

            case "/user/get_user_info" when token == NotUtf8Token:
                // A nickname that is not UTF-8 (a lone 0xFF byte): an invalid answer, not U+FFFD.
                var prefix = Encoding.ASCII.GetBytes("{\"ret\":0,\"msg\":\"\",\"nickname\":\"");
                var suffix = Encoding.ASCII.GetBytes("\"}");
                return ("200 OK", prefix.Concat(new byte[] { 0xFF }).Concat(suffix).ToArray());

            default:
                return Ok("{\"ret\":-1,\"msg\":\"client request's parameters are invalid, invalid openid\"}");
        }
    }

    private static (string, byte[]) Ok(string body) => ("200 OK", Encoding.UTF8.GetBytes(body));
}
