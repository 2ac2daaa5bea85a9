namespace RillaGen.Sandbox.Data;

/// <summary>A conversation that arrived while the sandbox ran (live mode).</summary>
internal sealed record LiveArrival(long Key, long RecordedSeconds, long ProcessedSeconds, Guid Id, SandboxUser Rep);

/// <summary>
/// Live mode: conversations inserted inside the window while clients page. Only these arrivals are
/// held in memory (a few per request), sorted by recording time.
/// </summary>
internal sealed class LiveArrivals
{
    /// <summary>Keys of live arrivals carry this bit, so they never collide with base indexes.</summary>
    public const long KeyFlag = 1L << 40;

    private readonly object _gate = new();
    private readonly List<LiveArrival> _arrivals = [];
    private readonly int _seed;
    private readonly ConversationTimeline _timeline;
    private readonly Organization _organization;
    private readonly ConversationIdCodec _codec;

    public LiveArrivals(int seed, ConversationTimeline timeline, Organization organization, ConversationIdCodec codec)
    {
        _seed = seed;
        _timeline = timeline;
        _organization = organization;
        _codec = codec;
    }

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _arrivals.Count;
            }
        }
    }

    public void Add(int count)
    {
        lock (_gate)
        {
            for (var n = 0; n < count; n++)
            {
                var key = KeyFlag | (long)_arrivals.Count;
                var random = new StableRandom(_seed, key, 1);
                var recorded = _timeline.WindowStart.ToUnixTimeSeconds() + (long)(random.NextUInt64() % (ulong)_timeline.WindowSeconds);
                var processed = recorded + (long)ConversationTimeline.ProcessingLag.TotalSeconds + random.Next(0, 60);
                var arrival = new LiveArrival(key, recorded, processed, _codec.Encode(key), random.Pick(_organization.RecordingCycle));
                _arrivals.Add(arrival);
            }
        }
    }

    public LiveArrival? Find(long key)
    {
        lock (_gate)
        {
            var k = key & ~KeyFlag;
            return (key & KeyFlag) != 0 && k < _arrivals.Count ? _arrivals[(int)k] : null;
        }
    }

    /// <summary>The arrivals whose date (of the given type) lies in [from, to) and whose rep passes the filter, in (date, id) order.</summary>
    public List<LiveArrival> InRange(long fromSeconds, long toSeconds, bool processed, Func<SandboxUser, bool> repFilter)
    {
        List<LiveArrival> selected;
        lock (_gate)
        {
            selected = _arrivals.Where(a => KeyOf(a, processed) >= fromSeconds && KeyOf(a, processed) < toSeconds && repFilter(a.Rep)).ToList();
        }

        selected.Sort((a, b) => Compare(KeyOf(a, processed), a.Id, KeyOf(b, processed), b.Id));
        return selected;
    }

    public static long KeyOf(LiveArrival arrival, bool processed) => processed ? arrival.ProcessedSeconds : arrival.RecordedSeconds;

    /// <summary>Orders conversations by (date, conversationId).</summary>
    public static int Compare(long secondsA, Guid idA, long secondsB, Guid idB)
    {
        var byDate = secondsA.CompareTo(secondsB);
        return byDate != 0 ? byDate : string.CompareOrdinal(idA.ToString(), idB.ToString());
    }
}
