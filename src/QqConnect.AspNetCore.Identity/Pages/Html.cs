using System.Net;
using System.Text;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using QqConnect.AspNetCore.Identity.Internal;

namespace QqConnect.AspNetCore.Identity.Pages;

/// <summary>The pages' HTML: one small self-contained layout, every piece of text HTML-encoded, forms with the antiforgery token.</summary>
internal static class Html
{
    /// <summary>HTML-encodes text (nicknames and user names are user input: quotes, markup, emoji).</summary>
    public static string E(string? text) => WebUtility.HtmlEncode(text ?? "");

    /// <summary>A whole page.</summary>
    public static IResult Page(string title, string body, int statusCode = StatusCodes.Status200OK)
    {
        var html = new StringBuilder()
            .Append("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\">")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>").Append(E(title)).Append("</title><style>")
            .Append("body{font-family:system-ui,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem;line-height:1.5}")
            .Append("form{margin:.75rem 0}label{display:block;margin:.25rem 0}fieldset{margin:1rem 0}")
            .Append(".qq{background:#12B7F5;color:#fff;border:0;padding:.4rem 1rem;border-radius:4px}")
            .Append(".error{color:#b00020}.message{color:#0a6}img.avatar{width:64px;height:64px;border-radius:50%;vertical-align:middle}")
            .Append("</style></head><body><h1>").Append(E(title)).Append("</h1>")
            .Append(body)
            .Append("</body></html>");
        return Results.Content(html.ToString(), "text/html; charset=utf-8", Encoding.UTF8, statusCode);
    }

    /// <summary>A POST form to <paramref name="action"/> with the antiforgery token.</summary>
    public static string Form(HttpContext http, string action, string id, string inner)
    {
        var tokens = http.RequestServices.GetRequiredService<IAntiforgery>().GetAndStoreTokens(http);
        return $"<form method=\"post\" action=\"{E(action)}\" id=\"{E(id)}\">"
            + $"<input type=\"hidden\" name=\"{E(tokens.FormFieldName)}\" value=\"{E(tokens.RequestToken)}\">"
            + inner + "</form>";
    }

    /// <summary>An input with its label.</summary>
    public static string Input(string name, string label, string type = "text", string? value = null, string autocomplete = "off") =>
        $"<label>{E(label)} <input type=\"{type}\" name=\"{name}\" id=\"{name}\" value=\"{E(value)}\" autocomplete=\"{autocomplete}\"></label>";

    /// <summary>A hidden field.</summary>
    public static string Hidden(string name, string? value) => $"<input type=\"hidden\" name=\"{name}\" value=\"{E(value)}\">";

    /// <summary>A message line (a known code's text), if any.</summary>
    public static string Message(string? code) =>
        Messages.Text(code) is { } text ? $"<p class=\"message\" id=\"message\" data-code=\"{E(code)}\">{E(text)}</p>" : "";

    /// <summary>Error lines, if any.</summary>
    public static string Errors(IEnumerable<string> errors) =>
        string.Concat(errors.Select(error => $"<p class=\"error\">{E(error)}</p>"));

    /// <summary>
    /// A QQ nickname as display text: isolated (<c>&lt;bdi&gt;</c>, so right-to-left text cannot reorder the sentence
    /// around it), without control and format characters (<see cref="DisplayText"/>: they could hide or reorder text).
    /// </summary>
    public static string Nickname(string? nickname, string id) => $"<bdi id=\"{id}\">{E(DisplayText.Clean(nickname))}</bdi>";

    /// <summary>The avatar, when it is an http(s) URL.</summary>
    public static string Avatar(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
            ? $"<img class=\"avatar\" id=\"qq-avatar\" src=\"{E(uri.AbsoluteUri)}\" alt=\"QQ头像 avatar\" referrerpolicy=\"no-referrer\"> "
            : "";
}
