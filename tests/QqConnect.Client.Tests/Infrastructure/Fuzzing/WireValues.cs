using System.Globalization;
using CsCheck;

namespace QqConnect.Client.Tests.Infrastructure.Fuzzing;

/// <summary>Values as QQ sends them: text with Chinese, quotes, backslashes, slashes, control characters and emoji.</summary>
internal static class WireValues
{
    private static readonly Gen<string> Piece = Gen.Frequency(
        (10, Gen.Char.AlphaNumeric.Select(c => c.ToString())),
        (5, Gen.Char['\u4E00', '\u9FA5'].Select(c => c.ToString())),
        (4, Gen.OneOf("\"", "\\", "/", " ", "&", "=", "+", "%", "?", "#", ":", ",", "{", "}", "(", ")", ";", "'", "%41", "\\u0041", "\\/", "callback(", "http://qzapp.qlogo.cn/qzapp/101000001/4B8E/30")),
        (1, Gen.OneOf("\n", "\t", "\r", "\b", "\f", "\u0001", "\u001F", "\u007F", "\0")),
        (2, Gen.OneOf("é", "ß", "\u00A0", "\u3000", "😀", "𠮷", "\u2028", "\uFEFF", "男", "女", "广东", "深圳", "请先登录")));

    /// <summary>Any text, possibly empty.</summary>
    public static readonly Gen<string> Text = Piece.Array[0, 12].Select(string.Concat);

    /// <summary>Text with at least one piece.</summary>
    public static readonly Gen<string> NonEmptyText = Piece.Array[1, 12].Select(string.Concat);

    /// <summary>A token: usually 32 hex digits like QQ's, sometimes any non-empty text.</summary>
    public static readonly Gen<string> Token = Gen.Frequency((3, FuzzHarness.HexSecret), (1, NonEmptyText));

    /// <summary>Names for fields no parser knows; never one of the error field names.</summary>
    public static readonly Gen<string> UnknownName =
        Gen.Select(Gen.Char["abcdefghijklmnopqrstuvwxyz_"].Array[1, 10], Gen.Int[0, 99], (chars, n) => "x_" + new string(chars) + n.ToString(CultureInfo.InvariantCulture));

    /// <summary>A value for an unknown field: text, a number, or (JSON shapes only) a literal, object or array.</summary>
    public static readonly Gen<Func<string, WireField>> UnknownValue = Gen.Frequency(
        (4, Text.Select<string, Func<string, WireField>>(value => name => WireField.Text(name, value))),
        (2, Gen.Long.Select<long, Func<string, WireField>>(value => name => WireField.Integer(name, value))),
        (2, Gen.OneOf("null", "true", "false", "1.5e3", "{}", "[]", "{\"a\":[1,2,{\"b\":null}]}", "[\"x\",{\"y\":\"z\"}]", "-0.0")
            .Select<string, Func<string, WireField>>(json => name => WireField.Raw(name, json))));

    /// <summary>Zero to three unknown fields, with distinct names.</summary>
    public static readonly Gen<WireField[]> UnknownFields =
        Gen.Select(UnknownName, UnknownValue).Array[0, 3].Select(pairs =>
            pairs.DistinctBy(pair => pair.Item1, StringComparer.Ordinal).Select(pair => pair.Item2(pair.Item1)).ToArray());
}
