using System.Text.Json;
using System.Text.Json.Serialization;
using QqConnect.Client.Testing;

namespace QqConnect.Emulator.CommandLine;

/// <summary>Source-generated JSON reading of <see cref="EmulatorConfig"/> (no reflection).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    PropertyNameCaseInsensitive = true,
    ReadCommentHandling = JsonCommentHandling.Skip,
    AllowTrailingCommas = true,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    Converters = [typeof(EnumNamesConverter<EmulatorFaultKind>), typeof(EnumNamesConverter<EmulatorFaultPhase>), typeof(EnumNamesConverter<EmulatorAvatarPresence>)])]
[JsonSerializable(typeof(EmulatorConfig))]
internal sealed partial class EmulatorConfigJsonContext : JsonSerializerContext
{
}
