using System.Runtime.CompilerServices;
using System.Security.Cryptography;

namespace QqConnect.Client.Login.Internal;

/// <summary>The few cryptographic primitives the login state needs, on every target framework.</summary>
internal static class StateCrypto
{
    /// <summary>The size of an HMAC-SHA256 or SHA-256 output, in bytes.</summary>
    public const int HashSize = 32;

    /// <summary>Fills <paramref name="buffer"/> with cryptographically strong random bytes.</summary>
    public static void FillRandom(byte[] buffer)
    {
#if NETSTANDARD2_0
        using var rng = RandomNumberGenerator.Create();
        rng.GetBytes(buffer);
#else
        RandomNumberGenerator.Fill(buffer);
#endif
    }

    /// <summary>HMAC-SHA256 of <paramref name="data"/> keyed by <paramref name="key"/>.</summary>
    public static byte[] HmacSha256(byte[] key, byte[] data)
    {
#if NETSTANDARD2_0
        using var hmac = new HMACSHA256(key);
        return hmac.ComputeHash(data);
#else
        return HMACSHA256.HashData(key, data);
#endif
    }

    /// <summary>SHA-256 of <paramref name="data"/>.</summary>
    public static byte[] Sha256(byte[] data)
    {
#if NETSTANDARD2_0
        using var sha = SHA256.Create();
        return sha.ComputeHash(data);
#else
        return SHA256.HashData(data);
#endif
    }

    /// <summary>
    /// Compares two byte sequences in time that depends only on their length, never on where they differ.
    /// </summary>
#if NETSTANDARD2_0
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.NoOptimization)]
    public static bool FixedTimeEquals(ReadOnlySpan<byte> left, ReadOnlySpan<byte> right)
    {
        if (left.Length != right.Length)
        {
            return false;
        }

        var difference = 0;
        for (var i = 0; i < left.Length; i++)
        {
            difference |= left[i] ^ right[i];
        }

        return difference == 0;
    }
#else
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool FixedTimeEquals(ReadOnlySpan<byte> left, ReadOnlySpan<byte> right) =>
        CryptographicOperations.FixedTimeEquals(left, right);
#endif
}
