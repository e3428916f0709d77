using System.Runtime.CompilerServices;
using System.Text;

namespace QqConnect.Samples;

/// <summary>The smoke programs' checks: one line per check ("ok" or "FAIL"), and a count of the failures.</summary>
internal static class SmokeChecks
{
    public static int Failures { get; private set; }

    /// <summary>Prints what is tested and whether a JIT compiler is there (a native image has none).</summary>
    public static void Start(string what)
    {
        Console.OutputEncoding = Encoding.UTF8;
        Console.WriteLine($"{what} (JIT compiler present: {RuntimeFeature.IsDynamicCodeCompiled})");
    }

    public static void Check(bool condition, string what)
    {
        Console.WriteLine($"  {(condition ? "ok  " : "FAIL")} {what}");
        Failures += condition ? 0 : 1;
    }
}
