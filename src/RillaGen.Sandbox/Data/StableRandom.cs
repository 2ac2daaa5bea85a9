namespace RillaGen.Sandbox.Data;

/// <summary>
/// A SplitMix64 stream: a pure function of its start state, so every generated value is a pure
/// function of (seed, index, stream) and nothing has to be stored.
/// </summary>
internal struct StableRandom
{
    private ulong _state;

    public StableRandom(long seed, long index, int stream)
    {
        _state = Mix(Mix((ulong)seed ^ 0x9E3779B97F4A7C15UL) ^ (ulong)index) ^ Mix((ulong)stream + 0x632BE59BD9B4E019UL);
    }

    public static ulong Mix(ulong z)
    {
        z += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    public ulong NextUInt64()
    {
        _state += 0x9E3779B97F4A7C15UL;
        var z = _state;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>A value in [0, 1).</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>A value in [min, max).</summary>
    public int Next(int min, int max) => min + (int)(NextUInt64() % (ulong)(max - min));

    public bool Chance(double probability) => NextDouble() < probability;

    public T Pick<T>(IReadOnlyList<T> items) => items[Next(0, items.Count)];

    /// <summary>A value in [min, max) rounded to two decimals.</summary>
    public double NextRounded(double min, double max) => Math.Round(min + (NextDouble() * (max - min)), 2);
}
