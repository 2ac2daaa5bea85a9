namespace RillaGen.Sandbox.Data;

/// <summary>
/// The recording and processing times of base conversation i. Both are strictly increasing in i, so a
/// date range maps to an index range by binary search and (date, id) order is index order.
/// </summary>
internal sealed class ConversationTimeline
{
    /// <summary>Processing finishes this long after recording starts (longer than any conversation), plus up to one slot.</summary>
    public static readonly TimeSpan ProcessingLag = TimeSpan.FromMinutes(150);

    private readonly long _startSeconds;
    private readonly long _windowSeconds;
    private readonly int _seed;

    public ConversationTimeline(int seed, DateTimeOffset windowStart, DateTimeOffset windowEnd, int count)
    {
        _seed = seed;
        _startSeconds = windowStart.ToUnixTimeSeconds();
        _windowSeconds = windowEnd.ToUnixTimeSeconds() - _startSeconds;
        Count = count;
        if (_windowSeconds < count)
        {
            throw new ArgumentException($"The window {windowStart:O}..{windowEnd:O} must hold at least one second per conversation ({count} conversations).", nameof(windowEnd));
        }
    }

    public int Count { get; }

    public DateTimeOffset WindowStart => DateTimeOffset.FromUnixTimeSeconds(_startSeconds);

    public long WindowSeconds => _windowSeconds;

    public long RecordedSeconds(long i)
    {
        if (i >= Count)
        {
            return _startSeconds + _windowSeconds;
        }

        var slotStart = i * _windowSeconds / Count;
        var slotEnd = (i + 1) * _windowSeconds / Count;
        var jitter = (long)(new StableRandom(_seed, i, 1).NextUInt64() % (ulong)(slotEnd - slotStart));
        return _startSeconds + slotStart + jitter;
    }

    public long ProcessedSeconds(long i)
    {
        var recorded = RecordedSeconds(i);
        var gap = RecordedSeconds(i + 1) - recorded;
        var offset = (long)(new StableRandom(_seed, i, 2).NextUInt64() % (ulong)gap);
        return recorded + (long)ProcessingLag.TotalSeconds + offset;
    }

    public long KeySeconds(long i, bool processed) => processed ? ProcessedSeconds(i) : RecordedSeconds(i);

    /// <summary>The first index whose date (of the given type) is at or after <paramref name="unixSeconds"/>.</summary>
    public long FirstIndexAtOrAfter(long unixSeconds, bool processed)
    {
        long lo = 0, hi = Count;
        while (lo < hi)
        {
            var mid = lo + ((hi - lo) / 2);
            if (KeySeconds(mid, processed) < unixSeconds)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }
}
