namespace RillaGen.Sandbox;

/// <summary>
/// Deterministic fault injection. A fault is decided from (Seed, request identity, how many times that
/// same request was seen), never from arrival order. Faults apply to the four API endpoints; media
/// routes honour <see cref="Latency"/> only.
/// </summary>
public sealed class SandboxFaultOptions
{
    /// <summary>The seed of the fault decisions.</summary>
    public int Seed { get; set; } = 1;

    /// <summary>Delay added to every request.</summary>
    public TimeSpan Latency { get; set; }

    /// <summary>Fraction (0..1) of requests answered with 500 and a text body.</summary>
    public double ServerErrorRate { get; set; }

    /// <summary>Fraction (0..1) of requests answered with 429 and a Retry-After header.</summary>
    public double RateLimitRate { get; set; }

    /// <summary>The Retry-After value, in seconds, of injected 429s.</summary>
    public int RetryAfterSeconds { get; set; } = 1;

    /// <summary>Fraction (0..1) of requests whose connection is aborted mid-body.</summary>
    public double AbortRate { get; set; }

    /// <summary>Fraction (0..1) of requests answered with 200 and a truncated JSON body.</summary>
    public double TruncateRate { get; set; }

    /// <summary>Slow drip: the delay between body chunks (zero = off).</summary>
    public TimeSpan DripDelay { get; set; }

    /// <summary>The same request fails at most this many times in a row.</summary>
    public int MaxConsecutiveFaultsPerRequest { get; set; } = 2;

    /// <summary>Live mode: conversations inserted into the window per conversations request (0 = off).</summary>
    public int LiveArrivalsPerRequest { get; set; }
}
