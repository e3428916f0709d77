using System.Globalization;
using System.Text;

namespace QqConnect.Client.Testing.Internal;

/// <summary>Hand-written JSON, byte for byte as QQ sends it (no reflection, AOT-safe).</summary>
internal static class Json
{
    /// <summary>A JSON string literal with quotes; non-ASCII text stays raw UTF-8 as QQ sends it.</summary>
    public static string Quote(string value, bool escapeSlashes = false)
    {
        var builder = new StringBuilder(value.Length + 2).Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '/' when escapeSlashes: builder.Append("\\/"); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                case '\b': builder.Append("\\b"); break;
                case '\f': builder.Append("\\f"); break;
                default:
                    if (c < 0x20)
                    {
                        builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }

        return builder.Append('"').ToString();
    }

    /// <summary><c>{"error":N,"error_description":"…"}</c>.</summary>
    public static string Error(int code, string description) =>
        "{\"error\":" + code.ToString(CultureInfo.InvariantCulture) + ",\"error_description\":" + Quote(description) + "}";

    /// <summary>Wraps JSON as QQ's JSONP: <c>callback( {…} );</c> and a newline.</summary>
    public static string Jsonp(string json) => "callback( " + json + " );\n";
}
