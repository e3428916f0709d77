using System.Net;
using System.Text;
using Microsoft.AspNetCore.Antiforgery;

namespace QqConnect.Sample.Identity.Web;

/// <summary>Server-rendered pages: a layout, HTML encoding, and forms that carry the antiforgery token.</summary>
internal static class Html
{
    /// <summary>HTML-encodes text (nicknames are user input: quotes, emoji, markup).</summary>
    public static string E(string? text) => WebUtility.HtmlEncode(text ?? "");

    /// <summary>A whole page.</summary>
    public static IResult Page(string title, string body, int statusCode = StatusCodes.Status200OK)
    {
        var html = new StringBuilder()
            .Append("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>").Append(E(title))
            .Append(" · QQ登录 account-binding sample</title><style>")
            .Append("body{font-family:system-ui,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem;line-height:1.5}")
            .Append("form{margin:.75rem 0}label{display:block;margin:.25rem 0}fieldset{margin:1rem 0}")
            .Append(".qq{background:#12B7F5;color:#fff;border:0;padding:.4rem 1rem;border-radius:4px;text-decoration:none}")
            .Append(".error{color:#b00020}.message{color:#0a6}img.avatar{width:64px;height:64px;border-radius:50%;vertical-align:middle}")
            .Append("</style></head><body><nav><a href=\"/\">首页 Home</a></nav><h1>").Append(E(title)).Append("</h1>")
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

    /// <summary>A text input with its label.</summary>
    public static string Input(string name, string label, string type = "text", string? value = null) =>
        $"<label>{E(label)} <input type=\"{type}\" name=\"{name}\" id=\"{name}\" value=\"{E(value)}\" autocomplete=\"off\"></label>";

    /// <summary>Error lines, if any.</summary>
    public static string Errors(IEnumerable<string> errors) =>
        string.Concat(errors.Select(error => $"<p class=\"error\">{E(error)}</p>"));
}
