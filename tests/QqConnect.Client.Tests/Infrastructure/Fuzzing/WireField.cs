using System.Globalization;

namespace QqConnect.Client.Tests.Infrastructure.Fuzzing;

/// <summary>One field to render; <see cref="WireKind.RawJson"/> fields are left out of form bodies.</summary>
internal readonly record struct WireField(string Name, WireKind Kind, string Value)
{
    public static WireField Text(string name, string value) => new(name, WireKind.Text, value);

    public static WireField Integer(string name, long value) => new(name, WireKind.Integer, value.ToString(CultureInfo.InvariantCulture));

    public static WireField Raw(string name, string json) => new(name, WireKind.RawJson, json);
}
