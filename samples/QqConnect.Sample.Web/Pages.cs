using System.Globalization;
using System.Net;
using System.Security.Claims;
using System.Text;
using Microsoft.AspNetCore.Antiforgery;
using QqConnect.Client;

namespace QqConnect.Sample.Web;

/// <summary>The sample's HTML, as plain strings. Every value from QQ or the request is HTML-encoded.</summary>
internal static class Pages
{
    private const string Style =
        "body{font-family:system-ui,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem;line-height:1.5}"
        + ".qq{display:inline-block;background:#12b7f5;color:#fff;padding:.5rem 1.2rem;border-radius:4px;text-decoration:none}"
        + ".demo{background:#fff3cd;padding:.5rem}.error{color:#b00020}dt{font-weight:bold}form{display:inline}";

    public static IResult Home(ClaimsPrincipal user, string? returnUrl, bool isDemo)
    {
        var loginUrl = string.IsNullOrEmpty(returnUrl) ? "/login" : "/login?returnUrl=" + Uri.EscapeDataString(returnUrl);
        var body = new StringBuilder("<h1>QqConnect.Client sample</h1>");
        if (isDemo)
        {
            body.Append("<p class=\"demo\" id=\"demo-mode\">Demo mode: QQ登录 goes to a local QQ Connect emulator with fake users.</p>");
        }

        if (user.Identity?.IsAuthenticated == true)
        {
            body.Append(CultureInfo.InvariantCulture, $"<p>Signed in as {H(user.Identity.Name)}. <a href=\"/profile\">Your profile</a></p>");
        }

        body.Append(CultureInfo.InvariantCulture, $"<p><a class=\"qq\" id=\"qq-login\" href=\"{H(loginUrl)}\">QQ登录</a></p>");
        return Page("QQ登录 sample", body.ToString());
    }

    public static IResult Profile(ClaimsPrincipal user, string? expiresAt, AntiforgeryTokenSet antiforgery)
    {
        var avatar = user.FindFirstValue(SampleClaims.Avatar);
        var location = string.Join(" ", new[] { user.FindFirstValue(SampleClaims.Province), user.FindFirstValue(SampleClaims.City) }
            .Where(part => !string.IsNullOrEmpty(part)));
        var hidden = $"<input type=\"hidden\" name=\"{H(antiforgery.FormFieldName)}\" value=\"{H(antiforgery.RequestToken)}\">";
        var body = $"""
            <h1>Your QQ profile</h1>
            {(string.IsNullOrEmpty(avatar) ? "<p>(no avatar)</p>" : $"<img id=\"avatar\" src=\"{H(avatar)}\" alt=\"QQ avatar\" width=\"100\" height=\"100\">")}
            <dl>
              <dt>Nickname</dt><dd id="nickname">{H(user.Identity?.Name)}</dd>
              <dt>Gender</dt><dd id="gender">{H(user.FindFirstValue(SampleClaims.Gender))}</dd>
              <dt>Province / city</dt><dd id="location">{H(location.Length == 0 ? "(not given)" : location)}</dd>
              <dt>OpenID</dt><dd><code id="openid">{H(user.FindFirstValue(ClaimTypes.NameIdentifier))}</code></dd>
              <dt>Access token</dt><dd id="token-expiry">in your encrypted sign-in cookie (never shown); expires at {H(FormatTime(expiresAt))}</dd>
            </dl>
            <form method="post" action="/refresh">{hidden}<button id="refresh">Refresh token</button></form>
            <form method="post" action="/logout">{hidden}<button id="logout">Log out</button></form>
            """;
        return Page("QQ profile", body);
    }

    public static IResult Refreshed(DateTimeOffset expiresAt) => Page(
        "Token refreshed",
        $"<p id=\"refresh-result\">Token refreshed, expires at {H(expiresAt.ToUniversalTime().ToString("u", CultureInfo.InvariantCulture))}.</p><p><a href=\"/profile\">Back to the profile</a></p>");

    public static IResult Message(string title, string text) =>
        Page(title, $"<h1>{H(title)}</h1><p>{H(text)}</p><p><a href=\"/\">Home</a></p>");

    /// <summary>The user cancelled on QQ's page: nothing failed, they may simply try again.</summary>
    public static IResult Cancelled() => Page(
        "QQ登录已取消",
        """
        <h1 id="cancelled">QQ登录已取消 · QQ login cancelled</h1>
        <p>You cancelled the login on QQ's page. Nothing was shared with this site.</p>
        <p><a id="try-again" href="/login">QQ登录 again</a> · <a href="/">Home</a></p>
        """);

    public static IResult BadRequest() =>
        Page("Bad request", "<h1>Bad request</h1><p>The form was stale or not sent from this site. Go back and try again.</p>", StatusCodes.Status400BadRequest);

    /// <summary>The state check failed: no QQ error code, but never exchange the code then.</summary>
    public static IResult StateError(QqStateValidationFailure failure)
    {
        var advice = failure switch
        {
            QqStateValidationFailure.Missing =>
                "The login cookie is missing: it expired, was blocked, or the login was not started in this browser.",
            QqStateValidationFailure.Expired => "The login took too long.",
            _ => "This login was not started in this browser (this is what a login CSRF attempt looks like).",
        };
        return Page(
            "Login not verified",
            $"""
            <h1 class="error">QQ登录失败 · Login not verified</h1>
            <p>State check: <strong id="state-failure">{failure}</strong></p>
            <p id="error-advice">{H(advice)} Start the login again.</p>
            <p><a id="try-again" href="/login">QQ登录 again</a> · <a href="/">Home</a></p>
            """,
            StatusCodes.Status400BadRequest);
    }

    /// <summary>A QQ Connect failure. Shows QQ's code and advice; never a token or the app key.</summary>
    public static IResult QqError(QqConnectException exception)
    {
        var body = new StringBuilder("<h1 class=\"error\">QQ登录失败 · QQ login failed</h1>");
        int status;
        if (exception is QqConnectApiException api)
        {
            status = StatusCodes.Status400BadRequest;
            body.Append(CultureInfo.InvariantCulture, $"<p>QQ error code: <strong id=\"error-code\">{api.ErrorCode}</strong>");
            if (!string.IsNullOrWhiteSpace(api.ErrorDescription))
            {
                body.Append(CultureInfo.InvariantCulture, $" — <span id=\"error-description\">{H(api.ErrorDescription)}</span>");
            }

            body.Append("</p>");
            if (api.ErrorInfo is { } info)
            {
                body.Append(CultureInfo.InvariantCulture, $"<p id=\"error-meaning\">{H(info.Meaning)}</p><p id=\"error-advice\">{H(info.Advice)}</p>");
            }
        }
        else
        {
            var advice = exception.Kind switch
            {
                QqConnectErrorKind.Transport or QqConnectErrorKind.Timeout or QqConnectErrorKind.HttpStatus =>
                    "QQ Connect could not be reached. Try again in a moment.",
                QqConnectErrorKind.SecurityCheck => "The token was not issued to this app, so it is refused.",
                _ => "QQ Connect answered something unexpected. Try again later.",
            };
            status = exception.Kind == QqConnectErrorKind.SecurityCheck ? StatusCodes.Status400BadRequest : StatusCodes.Status502BadGateway;
            body.Append(CultureInfo.InvariantCulture, $"<p>Problem: <strong id=\"error-kind\">{exception.Kind}</strong></p>")
                .Append(CultureInfo.InvariantCulture, $"<p id=\"error-advice\">{H(advice)}</p>");
        }

        body.Append("<p><a id=\"try-again\" href=\"/login\">QQ登录 again</a> · <a href=\"/\">Home</a></p>");
        return Page("QQ login failed", body.ToString(), status);
    }

    private static IResult Page(string title, string body, int statusCode = StatusCodes.Status200OK) => Results.Content(
        $"""
        <!DOCTYPE html>
        <html lang="zh-CN">
        <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>{H(title)}</title><style>{Style}</style></head>
        <body>
        {body}
        </body>
        </html>
        """,
        "text/html; charset=utf-8",
        Encoding.UTF8,
        statusCode);

    private static string? FormatTime(string? roundTrip) =>
        DateTimeOffset.TryParse(roundTrip, CultureInfo.InvariantCulture, DateTimeStyles.None, out var time)
            ? time.ToUniversalTime().ToString("u", CultureInfo.InvariantCulture)
            : roundTrip;

    private static string H(string? text) => WebUtility.HtmlEncode(text ?? string.Empty);
}
