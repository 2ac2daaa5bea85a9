using System.Globalization;

namespace RillaGen.Sandbox.Data;

/// <summary>
/// Encodes a conversation key (its index) into a UUID and back, so a GET by id needs no lookup table.
/// The key is scrambled by an invertible mix of the seed; the other half of the UUID is a check value,
/// so random UUIDs are not mistaken for conversations.
/// </summary>
internal sealed class ConversationIdCodec
{
    private const ulong M1 = 0xBF58476D1CE4E5B9UL;
    private const ulong M2 = 0x94D049BB133111EBUL;
    private static readonly ulong M1Inverse = Inverse(M1);
    private static readonly ulong M2Inverse = Inverse(M2);

    private readonly ulong _seedKey;
    private readonly long _seed;

    public ConversationIdCodec(int seed)
    {
        _seed = seed;
        _seedKey = StableRandom.Mix((ulong)seed * 31 + 7);
    }

    public Guid Encode(long key)
    {
        var scrambled = Scramble((ulong)key + _seedKey);
        var check = new StableRandom(_seed, key, 99).NextUInt64();
        var x = scrambled.ToString("x16", CultureInfo.InvariantCulture);
        var c = check.ToString("x16", CultureInfo.InvariantCulture);
        var variant = "89ab"[(int)(check >> 62)];
        var text = $"{x[..8]}-{x[8..12]}-4{c[..3]}-{variant}{c[3..6]}-{c[6..14]}{x[12..16]}";
        return Guid.Parse(text);
    }

    public bool TryDecode(Guid id, out long key)
    {
        var text = id.ToString("N");
        var scrambled = ulong.Parse(string.Concat(text.AsSpan(0, 12), text.AsSpan(28, 4)), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        key = (long)(Unscramble(scrambled) - _seedKey);
        return key >= 0 && Encode(key) == id;
    }

    private static ulong Scramble(ulong z)
    {
        z = (z ^ (z >> 30)) * M1;
        z = (z ^ (z >> 27)) * M2;
        return z ^ (z >> 31);
    }

    private static ulong Unscramble(ulong z)
    {
        z = UnshiftRight(z, 31) * M2Inverse;
        z = UnshiftRight(z, 27) * M1Inverse;
        return UnshiftRight(z, 30);
    }

    private static ulong UnshiftRight(ulong y, int shift)
    {
        var x = y;
        for (var s = shift; s < 64; s += shift)
        {
            x ^= y >> s;
        }

        return x;
    }

    private static ulong Inverse(ulong odd)
    {
        var inverse = odd;
        for (var i = 0; i < 6; i++)
        {
            inverse *= 2 - (odd * inverse);
        }

        return inverse;
    }
}
