using System.Globalization;

namespace QqConnect.Client.Tests.Infrastructure.Fuzzing;

/// <summary>
/// How many cases the fuzz properties run, and how to scale them. CI runs the base counts; set
/// <c>QQCONNECT_FUZZ_SCALE</c> (a positive number, e.g. 50) to multiply every count for a long local run.
/// Seeds are CsCheck's own: a failure prints one, and <c>CsCheck_Seed</c> replays it. With a seed set, each
/// property runs that one case only (CsCheck would otherwise go on from it and keep shrinking).
/// </summary>
internal static class FuzzConfig
{
    public const string ScaleVariable = "QQCONNECT_FUZZ_SCALE";
    public const string SeedVariable = "CsCheck_Seed";

    public static double Scale { get; } = ReadScale();

    public static bool Replaying { get; } = !string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(SeedVariable));

    /// <summary>The number of generated inputs for a property whose CI count is <paramref name="baseCount"/>.</summary>
    public static long Iterations(long baseCount) => Replaying ? 1 : Math.Max(1, (long)Math.Round(baseCount * Scale));

    private static double ReadScale()
    {
        var text = Environment.GetEnvironmentVariable(ScaleVariable);
        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var scale) && scale > 0 ? scale : 1;
    }
}
