using RillaGen.Sandbox.Data;

namespace RillaGen.Sandbox.Tests;

/// <summary>
/// The arithmetic paging (index ranges, rep residues, merged live arrivals) against a brute-force
/// sort of every conversation.
/// </summary>
public sealed class ConversationQueryTests
{
    [Theory]
    [InlineData(false, false, 1)]
    [InlineData(true, false, 2)]
    [InlineData(false, true, 3)]
    [InlineData(true, true, 4)]
    public void PagesEqualABruteForceSortOfEveryConversation(bool processed, bool filterReps, int seed)
    {
        var options = new RillaSandboxOptions
        {
            Seed = seed,
            ConversationCount = 3000,
            WindowStart = new DateTimeOffset(2024, 3, 1, 0, 0, 0, TimeSpan.Zero),
            WindowEnd = new DateTimeOffset(2024, 3, 8, 0, 0, 0, TimeSpan.Zero),
        };
        var source = new ConversationSource(options);
        source.Live.Add(400);
        var reps = source.Organization.RecordingCycle;
        var allowed = filterReps ? reps.Where((_, i) => i % 3 != 1).ToHashSet() : reps.ToHashSet();
        var from = new DateTimeOffset(2024, 3, 2, 6, 0, 0, TimeSpan.Zero).ToUnixTimeSeconds();
        var to = new DateTimeOffset(2024, 3, 5, 18, 0, 0, TimeSpan.Zero).ToUnixTimeSeconds();

        var expected = Enumerable.Range(0, options.ConversationCount).Select(i => (long)i)
            .Concat(Enumerable.Range(0, 400).Select(k => LiveArrivals.KeyFlag | (long)k))
            .Select(key => (Key: key, Core: source.Core(key)))
            .Select(c => (c.Key, Seconds: processed ? c.Core.ProcessedSeconds : c.Core.RecordedSeconds, Id: source.IdOf(c.Key), c.Core.Rep))
            .Where(c => c.Seconds >= from && c.Seconds < to && allowed.Contains(c.Rep))
            .OrderBy(c => c.Seconds).ThenBy(c => c.Id.ToString(), StringComparer.Ordinal)
            .Select(c => c.Key)
            .ToList();

        var query = new ConversationQuery(source, from, to, processed, allowed.Contains);
        var paged = new List<long>();
        for (long offset = 0; offset < query.Total; offset += 37)
        {
            paged.AddRange(query.Keys(offset, 37));
        }

        Assert.True(expected.Count > 100);
        Assert.Equal(expected.Count, query.Total);
        Assert.Equal(expected, paged);
        Assert.Equal(expected.Order(), query.AllKeys().Order());
    }

    [Fact]
    public void ConversationIdsRoundTripAndRandomUuidsAreNotFound()
    {
        var source = new ConversationSource(new RillaSandboxOptions { Seed = 12, ConversationCount = 100_000 });
        foreach (var key in new long[] { 0, 1, 99, 54_321, 99_999 })
        {
            Assert.True(source.TryFind(source.IdOf(key), out var found));
            Assert.Equal(key, found);
        }

        Assert.False(source.TryFind(new ConversationIdCodec(12).Encode(100_000), out _));
        Assert.False(source.TryFind(new ConversationIdCodec(13).Encode(5), out _));
        for (var i = 0; i < 1000; i++)
        {
            Assert.False(source.TryFind(Guid.NewGuid(), out _));
        }
    }
}
