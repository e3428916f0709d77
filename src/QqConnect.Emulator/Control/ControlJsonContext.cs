using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using QqConnect.Emulator.CommandLine;

namespace QqConnect.Emulator.Control;

/// <summary>
/// Source-generated JSON of the control API (no reflection, trim- and AOT-safe): the users and faults it takes
/// (the shapes of the configuration file) and the answers it gives.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    PropertyNameCaseInsensitive = true,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UseStringEnumConverter = true)]
[JsonSerializable(typeof(EmulatorUserConfig))]
[JsonSerializable(typeof(EmulatorFaultConfig))]
[JsonSerializable(typeof(ControlIndexAnswer))]
[JsonSerializable(typeof(ControlAppsAnswer))]
[JsonSerializable(typeof(ControlUsersAnswer))]
[JsonSerializable(typeof(ControlUserAnswer))]
[JsonSerializable(typeof(ControlFaultsAnswer))]
[JsonSerializable(typeof(ControlCountersAnswer))]
[JsonSerializable(typeof(ControlRequestsAnswer))]
[JsonSerializable(typeof(ControlResetAnswer))]
[JsonSerializable(typeof(ControlErrorAnswer))]
internal sealed partial class ControlJsonContext : JsonSerializerContext
{
    private static ControlJsonContext? s_readable;

    /// <summary>The context the API writes with: Chinese nicknames and the &amp; of a query as they are, not <c>\u</c>-escaped (the answers are <c>application/json</c> with <c>nosniff</c>, never HTML).</summary>
    public static ControlJsonContext Readable => s_readable ??= CreateReadable();

    private static ControlJsonContext CreateReadable()
    {
        JsonSerializerOptions defaults = Default.Options;
        return new ControlJsonContext(new JsonSerializerOptions(defaults) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
    }
}
