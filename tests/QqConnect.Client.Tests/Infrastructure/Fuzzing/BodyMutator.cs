using System.Text;
using CsCheck;

namespace QqConnect.Client.Tests.Infrastructure.Fuzzing;

/// <summary>One edit to a body. The numbers pick positions and table entries, so that CsCheck can shrink edits.</summary>
internal readonly record struct Mutation(MutationKind Kind, int A, int B, int C);

internal enum MutationKind
{
    FlipBit,
    SetByte,
    InsertToken,
    DeleteRange,
    Truncate,
    DuplicateSegment,
    SwapShapeMarker,
    HugeNumber,
    DeepNesting,
    InvalidUtf8,
    NulBytes,
    InjectSecret,
    InjectSecretIntoDescription,
    Whitespace,
}

/// <summary>A body made from a real answer by a list of edits.</summary>
internal sealed record MutatedBody(string Origin, Mutation[] Mutations, byte[] Body, Secrets Secrets)
{
    public override string ToString() =>
        $"{Origin} after [{string.Join(", ", Mutations)}] with {Secrets}: {Printable.Bytes(Body)}";
}

/// <summary>Every real answer body under Fixtures/, and the edits that damage them.</summary>
internal static class BodyMutator
{
    /// <summary>Pieces of the protocol's syntax, inserted at random places.</summary>
    public static readonly string[] Tokens =
    [
        "callback(", "callback( ", " );", "(", ")", ";", "{", "}", "[", "]", "\"", "\\", "\\u", "\\uD800", "\\uDC00",
        "\\uD83D\\uDE00", "\\u0000", "\\/", ":", ",", "=", "&", "&&", "%", "%2", "%E4%B8", "%FF", "%00", "+", "null", "true",
        "false", "-", "0", "1e999", "\uFEFF", "\r\n", "\t", "/*", "*/", "//", "'", "<html>", "error", "error_description",
        "ret", "code", "msg", "access_token", "expires_in", "refresh_token", "client_id", "openid", "unionid", "nickname",
        "\"error\":", "\"ret\":", "\"code\":", "\"msg\":", "\"expires_in\":", "\"nickname\":", "error=", "code=", "msg=",
        "expires_in=", "access_token=", "{\"x\":", "[[", "]]", "{}", "[]", "\"\"", "男", "\u00A0", "\u3000",
    ];

    /// <summary>The characters that tell the sniffer which shape a body is, swapped for one another.</summary>
    public static readonly string[] ShapeMarkers = ["callback(", "callback( ", "{", "}", "=", "&", ":", ",", "\"", "(", ")", ";", "[", "]", ""];

    /// <summary>Numbers no field can hold, and near misses: overflow, exponents, fractions, signs, other digits.</summary>
    public static readonly string[] HugeNumbers =
    [
        "99999999999999999999999999", "9223372036854775807", "9223372036854775808", "-9223372036854775808",
        "-9223372036854775809", "2147483647", "2147483648", "-2147483649", "4294967296", "1e309", "-1e-400", "1E+2",
        "0.5", "00012", "+5", "-0", "0x10", "NaN", "Infinity", "１２３", "1" + new string('0', 400), "3153600001", "-1",
    ];

    /// <summary>Byte sequences that are not UTF-8: stray continuations, overlongs, surrogates, too-high code points.</summary>
    public static readonly byte[][] InvalidUtf8 =
    [
        [0x80], [0xBF], [0xC0, 0x80], [0xC1, 0xBF], [0xC3], [0xE4, 0xB8], [0xED, 0xA0, 0x80], [0xED, 0xBF, 0xBF],
        [0xF0, 0x80, 0x80, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xF8, 0x88, 0x80, 0x80, 0x80], [0xFE], [0xFF], [0xFF, 0xFE],
        [0xEF, 0xBB], [0xE2, 0x82],
    ];

    private static readonly byte[][] WhiteSpaces =
    [
        " "u8.ToArray(), "\t"u8.ToArray(), "\r\n"u8.ToArray(), "\n"u8.ToArray(), [0x0B], [0x0C], [0xEF, 0xBB, 0xBF], [0xC2, 0xA0], [0xE3, 0x80, 0x80],
    ];

    private static readonly byte[][] DescriptionMarkers =
    [
        "description\":\""u8.ToArray(), "msg\":\""u8.ToArray(), "msg="u8.ToArray(), "description="u8.ToArray(), "msg\":\t\""u8.ToArray(),
    ];

    /// <summary>Every fixture file, with its path, read once.</summary>
    public static IReadOnlyList<(string Path, byte[] Body)> Fixtures { get; } = LoadFixtures();

    public static readonly Gen<Mutation> MutationGen =
        Gen.Select(Gen.Enum<MutationKind>(), Gen.Int[0, 1 << 20], Gen.Int[0, 1 << 20], Gen.Int[0, 1 << 20], (kind, a, b, c) => new Mutation(kind, a, b, c));

    /// <summary>A fixture with one to eight edits applied, and the secrets of the call.</summary>
    public static readonly Gen<MutatedBody> MutatedFixture =
        Gen.Select(Gen.Int[0, Fixtures.Count - 1], MutationGen.Array[1, 8], FuzzHarness.SecretsGen, (index, mutations, secrets) =>
        {
            var (path, original) = Fixtures[index];
            var body = original;
            foreach (var mutation in mutations)
            {
                body = Apply(body, mutation, secrets);
            }

            return new MutatedBody(path, mutations, body, secrets);
        });

    public static byte[] Apply(byte[] body, Mutation m, Secrets secrets)
    {
        var length = body.Length;
        switch (m.Kind)
        {
            case MutationKind.FlipBit when length > 0:
            {
                var copy = (byte[])body.Clone();
                copy[m.A % length] ^= (byte)(1 << (m.B % 8));
                return copy;
            }

            case MutationKind.SetByte when length > 0:
            {
                var copy = (byte[])body.Clone();
                copy[m.A % length] = (byte)m.B;
                return copy;
            }

            case MutationKind.InsertToken:
                return Insert(body, m.A % (length + 1), Encoding.UTF8.GetBytes(Tokens[m.B % Tokens.Length]));
            case MutationKind.DeleteRange when length > 0:
            {
                var start = m.A % length;
                var count = Math.Min(length - start, 1 + (m.B % 16));
                return [.. body.AsSpan(0, start), .. body.AsSpan(start + count)];
            }

            case MutationKind.Truncate:
                return body.AsSpan(0, m.A % (length + 1)).ToArray();
            case MutationKind.DuplicateSegment when length > 0:
            {
                var start = m.A % length;
                var count = Math.Min(length - start, 1 + (m.B % 32));
                return Insert(body, m.C % (length + 1), body.AsSpan(start, count).ToArray());
            }

            case MutationKind.SwapShapeMarker:
            {
                var from = Encoding.UTF8.GetBytes(ShapeMarkers[m.B % ShapeMarkers.Length]);
                var to = Encoding.UTF8.GetBytes(ShapeMarkers[(m.B / ShapeMarkers.Length) % ShapeMarkers.Length]);
                var at = NthOccurrence(body, from, m.C);
                return at < 0 || from.Length == 0
                    ? Insert(body, m.A % (length + 1), to)
                    : [.. body.AsSpan(0, at), .. to, .. body.AsSpan(at + from.Length)];
            }

            case MutationKind.HugeNumber:
            {
                var number = Encoding.UTF8.GetBytes(HugeNumbers[m.B % HugeNumbers.Length]);
                var (start, end) = NthDigitRun(body, m.C);
                return start < 0 ? Insert(body, m.A % (length + 1), number) : [.. body.AsSpan(0, start), .. number, .. body.AsSpan(end)];
            }

            case MutationKind.DeepNesting:
            {
                var depth = 1 + (m.B % 300);
                var open = (m.C % 3) switch { 0 => "[", 1 => "{\"a\":", _ => "{\"a\":[" };
                var close = (m.C % 3) switch { 0 => "]", 1 => "}", _ => "]}" };
                var balanced = (m.C / 3) % 2 == 0;
                var nest = string.Concat(Enumerable.Repeat(open, depth)) + "1" + (balanced ? string.Concat(Enumerable.Repeat(close, depth)) : string.Empty);
                var colon = NthOccurrence(body, ":"u8.ToArray(), m.A);
                var at = colon < 0 ? m.A % (length + 1) : colon + 1;
                return Insert(body, at, Encoding.UTF8.GetBytes(nest));
            }

            case MutationKind.InvalidUtf8:
                return Insert(body, m.A % (length + 1), InvalidUtf8[m.B % InvalidUtf8.Length]);
            case MutationKind.NulBytes:
                return Insert(body, m.A % (length + 1), new byte[1 + (m.B % 4)]);
            case MutationKind.InjectSecret:
                return Insert(body, m.A % (length + 1), SecretBytes(secrets, m.B));
            case MutationKind.InjectSecretIntoDescription:
            {
                foreach (var marker in DescriptionMarkers)
                {
                    var at = NthOccurrence(body, marker, m.C);
                    if (at >= 0)
                    {
                        return Insert(body, at + marker.Length, SecretBytes(secrets, m.B));
                    }
                }

                return Insert(body, m.A % (length + 1), SecretBytes(secrets, m.B));
            }

            case MutationKind.Whitespace:
                return Insert(body, m.A % (length + 1), WhiteSpaces[m.B % WhiteSpaces.Length]);
            default:
                // An edit that needs a non-empty body, on an empty one: insert a token instead.
                return Insert(body, 0, Encoding.UTF8.GetBytes(Tokens[m.B % Tokens.Length]));
        }
    }

    /// <summary>One of the secrets, raw or wrapped in text, for the "never leaks" property.</summary>
    private static byte[] SecretBytes(Secrets secrets, int choice)
    {
        var secret = (choice & 1) == 0 ? secrets.AppKey : secrets.Secret;
        var text = ((choice >> 1) % 4) switch
        {
            0 => secret,
            1 => " " + secret + " ",
            2 => "token " + secret + " is wrong",
            _ => secret + secret,
        };
        return Encoding.UTF8.GetBytes(text);
    }

    private static byte[] Insert(byte[] body, int at, byte[] piece) => [.. body.AsSpan(0, at), .. piece, .. body.AsSpan(at)];

    private static int NthOccurrence(byte[] body, byte[] needle, int n)
    {
        if (needle.Length == 0)
        {
            return -1;
        }

        var positions = new List<int>();
        var span = body.AsSpan();
        var offset = 0;
        while (true)
        {
            var index = span.Slice(offset).IndexOf(needle);
            if (index < 0)
            {
                break;
            }

            positions.Add(offset + index);
            offset += index + 1;
        }

        return positions.Count == 0 ? -1 : positions[n % positions.Count];
    }

    private static (int Start, int End) NthDigitRun(byte[] body, int n)
    {
        var runs = new List<(int, int)>();
        for (var i = 0; i < body.Length; i++)
        {
            if (body[i] is >= (byte)'0' and <= (byte)'9')
            {
                var start = i;
                while (i < body.Length && body[i] is >= (byte)'0' and <= (byte)'9')
                {
                    i++;
                }

                runs.Add((start, i));
            }
        }

        return runs.Count == 0 ? (-1, -1) : runs[n % runs.Count];
    }

    private static List<(string, byte[])> LoadFixtures()
    {
        var root = Path.Combine(AppContext.BaseDirectory, "Fixtures");
        return Directory.GetFiles(root, "*", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .Select(file => (Path.GetRelativePath(root, file).Replace('\\', '/'), File.ReadAllBytes(file)))
            .ToList();
    }
}
