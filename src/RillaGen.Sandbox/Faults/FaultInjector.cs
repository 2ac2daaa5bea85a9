using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using RillaGen.Sandbox.Data;

namespace RillaGen.Sandbox.Faults;

/// <summary>
/// Decides faults from (fault seed, request identity, how many times that request was seen), so the
/// same sequence of requests sees the same faults run to run, whatever the interleaving with others.
/// </summary>
internal sealed class FaultInjector
{
    private readonly SandboxFaultOptions _options;
    private readonly ConcurrentDictionary<ulong, RequestHistory> _histories = new();

    public FaultInjector(SandboxFaultOptions options)
    {
        foreach (var (name, rate) in new[] { ("ServerErrorRate", options.ServerErrorRate), ("RateLimitRate", options.RateLimitRate), ("AbortRate", options.AbortRate), ("TruncateRate", options.TruncateRate) })
        {
            if (rate is < 0 or > 1 || double.IsNaN(rate))
            {
                throw new ArgumentOutOfRangeException(nameof(options), rate, $"Faults.{name} must be between 0 and 1.");
            }
        }

        if (options.ServerErrorRate + options.RateLimitRate + options.AbortRate + options.TruncateRate > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(options), "The fault rates must add up to at most 1.");
        }

        _options = options;
    }

    public bool Enabled => _options.ServerErrorRate + _options.RateLimitRate + _options.AbortRate + _options.TruncateRate > 0;

    /// <summary>The fault for this sighting of the request (method, path, scope and body).</summary>
    public FaultKind Decide(string method, string path, string scope, string body)
    {
        if (!Enabled)
        {
            return FaultKind.None;
        }

        var identity = BitConverter.ToUInt64(SHA256.HashData(Encoding.UTF8.GetBytes($"{method}\n{path}\n{scope}\n{body}")));
        var history = _histories.GetOrAdd(identity, _ => new RequestHistory());
        lock (history)
        {
            var sighting = history.Sightings++;
            var fault = FaultKind.None;
            if (history.ConsecutiveFaults < _options.MaxConsecutiveFaultsPerRequest)
            {
                var roll = new StableRandom(_options.Seed, (long)identity, sighting).NextDouble();
                fault = Pick(roll);
            }

            history.ConsecutiveFaults = fault == FaultKind.None ? 0 : history.ConsecutiveFaults + 1;
            return fault;
        }
    }

    private FaultKind Pick(double roll)
    {
        var edge = _options.ServerErrorRate;
        if (roll < edge)
        {
            return FaultKind.ServerError;
        }

        edge += _options.RateLimitRate;
        if (roll < edge)
        {
            return FaultKind.RateLimit;
        }

        edge += _options.AbortRate;
        if (roll < edge)
        {
            return FaultKind.Abort;
        }

        edge += _options.TruncateRate;
        return roll < edge ? FaultKind.Truncate : FaultKind.None;
    }

    private sealed class RequestHistory
    {
        public int Sightings { get; set; }

        public int ConsecutiveFaults { get; set; }
    }
}
