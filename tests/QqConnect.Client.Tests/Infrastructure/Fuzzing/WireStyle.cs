using CsCheck;

namespace QqConnect.Client.Tests.Infrastructure.Fuzzing;

/// <summary>
/// How to render one body: the shape, a BOM, white space around it, the JSONP spelling, and a seed for the
/// small choices (field order, escapes, percent-encoding, spacing) so that a CsCheck seed replays them exactly.
/// </summary>
internal sealed record WireStyle(WireShape Shape, bool Bom, int Leading, int Trailer, int Jsonp, int Layout, int Seed)
{
    public static readonly Gen<WireStyle> Any =
        Gen.Select(Gen.Enum<WireShape>(), Gen.Bool, Gen.Int[0, 4], Gen.Int[0, 4], Gen.Int[0, 5], Gen.Int[0, 4], Gen.Int, (shape, bom, leading, trailer, jsonp, layout, seed) =>
            new WireStyle(shape, bom, leading, trailer, jsonp, layout, seed));

    public static readonly Gen<WireStyle> JsonOnly = Any.Select(style => style.Shape == WireShape.Form ? style with { Shape = WireShape.Json } : style);
}
