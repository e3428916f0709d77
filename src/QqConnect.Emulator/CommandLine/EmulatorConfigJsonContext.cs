using System.Text.Json;
using System.Text.Json.Serialization;

namespace QqConnect.Emulator.CommandLine;

/// <summary>Source-generated JSON reading of <see cref="EmulatorConfig"/> (no reflection).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    PropertyNameCaseInsensitive = true,
    ReadCommentHandling = JsonCommentHandling.Skip,
    AllowTrailingCommas = true,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    UseStringEnumConverter = true)]
[JsonSerializable(typeof(EmulatorConfig))]
internal sealed partial class EmulatorConfigJsonContext : JsonSerializerContext
{
}
