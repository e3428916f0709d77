using System.Text;
using QqConnect.Client.Internal;

namespace QqConnect.Client.Parsing;

/// <summary>Reads <c>name=value&amp;name=value</c> pairs without splitting the whole body.</summary>
internal static class FormFieldReader
{
    public static void Read<TSink>(ReadOnlySpan<byte> form, ref TSink sink, ref ErrorFields errors)
        where TSink : struct, IFieldSink
    {
        while (!form.IsEmpty)
        {
            var end = form.IndexOf((byte)'&');
            var pair = end < 0 ? form : form.Slice(0, end);
            form = end < 0 ? default : form.Slice(end + 1);
            if (pair.IsEmpty)
            {
                continue;
            }

            var equals = pair.IndexOf((byte)'=');
            var rawName = equals < 0 ? pair : pair.Slice(0, equals);
            var name = rawName.IndexOfAny((byte)'%', (byte)'+') < 0 ? rawName : Encoding.UTF8.GetBytes(Utf8Text.FormDecode(rawName));
            var value = FieldValue.Form(equals < 0 ? default : pair.Slice(equals + 1));
            if (!errors.TryTake(name, ref value))
            {
                sink.Field(name, ref value);
            }
        }
    }
}
