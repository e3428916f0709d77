using System.Text;

namespace QqConnect.Client.Testing.Internal;

/// <summary>Builds emulator answers with QQ's headers: <c>Content-Type: text/html</c> (no charset) and <c>Server: tws</c>.</summary>
internal static class Answers
{
    public const string HtmlContentType = "text/html";

    public static EmulatorResponse Text(string body, int status = 200, string contentType = HtmlContentType) =>
        Bytes(Encoding.UTF8.GetBytes(body), status, contentType);

    public static EmulatorResponse Bytes(byte[] body, int status = 200, string contentType = HtmlContentType) =>
        new(status, [new("Content-Type", contentType), new("Server", "tws")], body);

    public static EmulatorResponse Redirect(string location) =>
        new(302, [new("Content-Type", HtmlContentType), new("Server", "tws"), new("Location", location)], ReadOnlyMemory<byte>.Empty);

    /// <summary>A token or /me error: JSON with <c>fmt=json</c>, JSONP otherwise.</summary>
    public static EmulatorResponse OAuthError(int code, bool json)
    {
        var body = Json.Error(code, QqErrors.Describe(code));
        return Text(json ? body : Json.Jsonp(body));
    }

    /// <summary>An OpenAPI (get_user_info) error: <c>{"ret":N,"msg":"…"}</c>.</summary>
    public static EmulatorResponse RetError(int ret, string message) =>
        Text("{\"ret\":" + ret.ToString(System.Globalization.CultureInfo.InvariantCulture) + ",\"msg\":" + Json.Quote(message) + "}");

    public static EmulatorResponse NotFound() => Text(Pages.Status(404, "Not Found"), 404);

    public static EmulatorResponse MethodNotAllowed() => Text(Pages.Status(405, "Method Not Allowed"), 405);

    public static EmulatorResponse ServerError(int status) => Text(Pages.Status(status, ReasonPhrase(status)), status);

    private static string ReasonPhrase(int status) => status switch
    {
        500 => "Internal Server Error",
        502 => "Bad Gateway",
        503 => "Service Unavailable",
        504 => "Gateway Timeout",
        _ => "Error",
    };
}
