using System.Globalization;
using System.Text;

namespace QqConnect.Client.Tests.Infrastructure.Fuzzing;

/// <summary>Shows bytes readably in CsCheck's failure report: printable ASCII as is, the rest as \xNN.</summary>
internal static class Printable
{
    public static string Bytes(byte[] body)
    {
        var text = new StringBuilder(body.Length + 16);
        text.Append('"');
        foreach (var b in body)
        {
            if (b is >= 0x20 and < 0x7F and not (byte)'"' and not (byte)'\\')
            {
                text.Append((char)b);
            }
            else
            {
                text.Append(CultureInfo.InvariantCulture, $"\\x{b:X2}");
            }
        }

        return text.Append("\" (").Append(body.Length.ToString(CultureInfo.InvariantCulture)).Append(" bytes)").ToString();
    }
}
