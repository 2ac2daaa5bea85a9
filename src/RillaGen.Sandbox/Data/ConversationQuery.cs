namespace RillaGen.Sandbox.Data;

/// <summary>
/// The conversations of a date range visible to a caller, in (date, conversationId) order, without
/// materialising them: base conversations are counted and indexed arithmetically (their dates are
/// monotonic in the index, and rep i is RecordingCycle[i % n]); live arrivals are merged in.
/// </summary>
internal sealed class ConversationQuery
{
    private readonly ConversationSource _source;
    private readonly bool _processed;
    private readonly long _lo;
    private readonly long _hi;
    private readonly int[] _residues;
    private readonly int _cycle;
    private readonly List<LiveArrival> _live;
    private readonly long[] _livePositions;

    public ConversationQuery(ConversationSource source, long fromSeconds, long toSeconds, bool processed, Func<SandboxUser, bool> repFilter)
    {
        _source = source;
        _processed = processed;
        var timeline = source.Timeline;
        _lo = timeline.FirstIndexAtOrAfter(fromSeconds, processed);
        _hi = Math.Max(_lo, timeline.FirstIndexAtOrAfter(toSeconds, processed));
        var cycle = source.Organization.RecordingCycle;
        _cycle = cycle.Count;
        _residues = Enumerable.Range(0, cycle.Count).Where(p => repFilter(cycle[p])).ToArray();
        BaseCount = CountBelow(_hi) - CountBelow(_lo);

        _live = source.Live.InRange(fromSeconds, toSeconds, processed, repFilter);
        _livePositions = new long[_live.Count];
        for (var j = 0; j < _live.Count; j++)
        {
            _livePositions[j] = j + BaseBefore(_live[j]);
        }
    }

    public long BaseCount { get; }

    public long Total => BaseCount + _live.Count;

    /// <summary>The keys of the conversations at positions [offset, offset + limit).</summary>
    public IEnumerable<long> Keys(long offset, int limit)
    {
        var end = Math.Min(Total, offset + limit);
        var liveNext = 0;
        while (liveNext < _livePositions.Length && _livePositions[liveNext] < offset)
        {
            liveNext++;
        }

        var baseRank = offset - liveNext;
        for (var position = offset; position < end; position++)
        {
            if (liveNext < _livePositions.Length && _livePositions[liveNext] == position)
            {
                yield return _live[liveNext++].Key;
            }
            else
            {
                yield return BaseIndexAt(baseRank++);
            }
        }
    }

    /// <summary>All keys in order; a streaming scan for analytics.</summary>
    public IEnumerable<long> AllKeys()
    {
        for (var i = _lo; i < _hi; i++)
        {
            if (Allowed(i))
            {
                yield return i;
            }
        }

        foreach (var arrival in _live)
        {
            yield return arrival.Key;
        }
    }

    private bool Allowed(long index) => Array.BinarySearch(_residues, (int)(index % _cycle)) >= 0;

    /// <summary>How many allowed base indexes lie below <paramref name="n"/>.</summary>
    private long CountBelow(long n)
    {
        var remainder = (int)(n % _cycle);
        var partial = 0;
        while (partial < _residues.Length && _residues[partial] < remainder)
        {
            partial++;
        }

        return (n / _cycle * _residues.Length) + partial;
    }

    private long BaseIndexAt(long rank)
    {
        var absolute = CountBelow(_lo) + rank;
        return (absolute / _residues.Length * _cycle) + _residues[absolute % _residues.Length];
    }

    private long BaseBefore(LiveArrival arrival)
    {
        var seconds = LiveArrivals.KeyOf(arrival, _processed);
        var index = Math.Clamp(_source.Timeline.FirstIndexAtOrAfter(seconds, _processed), _lo, _hi);
        var before = CountBelow(index) - CountBelow(_lo);
        if (index < _hi && Allowed(index) && _source.Timeline.KeySeconds(index, _processed) == seconds
            && LiveArrivals.Compare(seconds, _source.IdOf(index), seconds, arrival.Id) < 0)
        {
            before++;
        }

        return before;
    }
}
