using System.Text.Json.Serialization;

namespace QqConnect.Emulator.CommandLine;

/// <summary>
/// Reads an enum of the configuration file by its name only (any case). A number is refused, so <c>"phase": 3</c>
/// is a mistake reported with the names, not an undefined value taken silently.
/// </summary>
/// <typeparam name="T">The enum.</typeparam>
internal sealed class EnumNamesConverter<T> : JsonStringEnumConverter<T>
    where T : struct, Enum
{
    /// <summary>Creates the converter.</summary>
    public EnumNamesConverter()
        : base(namingPolicy: null, allowIntegerValues: false)
    {
    }
}
