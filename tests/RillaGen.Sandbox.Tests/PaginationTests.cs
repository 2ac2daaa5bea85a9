using Newtonsoft.Json.Linq;

namespace RillaGen.Sandbox.Tests;

/// <summary>Pagination and date filtering as the reference describes them.</summary>
public sealed class PaginationTests : IAsyncLifetime, IDisposable
{
    private RillaSandbox _sandbox = null!;
    private SandboxClient _client = null!;

    public async Task InitializeAsync()
    {
        _sandbox = await RillaSandbox.StartAsync(new RillaSandboxOptions { ConversationCount = 5000, Seed = 3 });
        _client = new SandboxClient(_sandbox);
    }

    public async Task DisposeAsync() => await _sandbox.DisposeAsync();

    public void Dispose() => _client.Dispose();

    [Fact]
    public async Task TheReferenceSampleRangeIsNonEmptyByDefault()
    {
        await using var sandbox = await RillaSandbox.StartAsync();
        using var client = new SandboxClient(sandbox);
        var page = await client.PostJsonAsync("/export/conversations", $$"""{ {{SandboxClient.SampleRange}} }""");

        Assert.True((int)page["totalConversations"]! > 0);
        Assert.Equal(1, (int)page["currentPage"]!);
        Assert.Equal(Math.Min(50, (int)page["totalConversations"]!), page["conversations"]!.Count());
    }

    [Theory]
    [InlineData(50)]
    [InlineData(7)]
    [InlineData(1)]
    public async Task PagesCoverTheRangeOnceInStableOrder(int limit)
    {
        var range = """ "fromDate": "2024-03-01T00:00:00Z", "toDate": "2024-03-10T00:00:00Z" """;
        var first = await _client.PostJsonAsync("/export/conversations", $$"""{ {{range}}, "limit": {{limit}} }""");
        var total = (int)first["totalConversations"]!;
        Assert.Equal((total + limit - 1) / limit, (int)first["totalPages"]!);

        var all = await _client.AllConversationsAsync(range, limit: limit);
        var again = await _client.AllConversationsAsync(range, limit: limit);

        Assert.Equal(total, all.Count);
        Assert.Equal(all.Select(c => (string?)c["conversationId"]), again.Select(c => (string?)c["conversationId"]));
        Assert.Equal(total, all.Select(c => (string?)c["conversationId"]).Distinct().Count());
        var keys = all.Select(c => (Date: (DateTimeOffset)c["date"]!, Id: (string)c["conversationId"]!)).ToList();
        for (var i = 1; i < keys.Count; i++)
        {
            Assert.True(keys[i - 1].Date < keys[i].Date || (keys[i - 1].Date == keys[i].Date && string.CompareOrdinal(keys[i - 1].Id, keys[i].Id) < 0), $"order broken at {i}");
        }

        Assert.All(keys, k => Assert.InRange(k.Date, DateTimeOffset.Parse("2024-03-01T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture), DateTimeOffset.Parse("2024-03-09T23:59:59Z", System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public async Task APagePastTheEndIsEmptyWithTheSameTotals()
    {
        var first = await _client.PostJsonAsync("/export/conversations", $$"""{ {{SandboxClient.SampleRange}} }""");
        var totalPages = (int)first["totalPages"]!;
        var past = await _client.PostJsonAsync("/export/conversations", $$"""{ {{SandboxClient.SampleRange}}, "page": {{totalPages + 1}} }""");

        Assert.Empty(past["conversations"]!);
        Assert.Equal(totalPages + 1, (int)past["currentPage"]!);
        Assert.Equal((int)first["totalConversations"]!, (int)past["totalConversations"]!);
        Assert.Equal(totalPages, (int)past["totalPages"]!);
    }

    [Fact]
    public async Task AnEmptyRangeHasNoPages()
    {
        var page = await _client.PostJsonAsync("/export/conversations", """{ "fromDate": "2019-01-01T00:00:00Z", "toDate": "2019-02-01T00:00:00Z" }""");
        Assert.Equal(0, (int)page["totalConversations"]!);
        Assert.Equal(0, (int)page["totalPages"]!);
        Assert.Empty(page["conversations"]!);
    }

    [Fact]
    public async Task DateTypeSwitchesWhichDateTheRangeFiltersOn()
    {
        var range = """ "fromDate": "2024-06-01T00:00:00Z", "toDate": "2024-06-03T00:00:00Z" """;
        var byRecording = await _client.AllConversationsAsync(range);
        var byProcessing = await _client.AllConversationsAsync(range + """, "dateType": "processedDate" """);
        var from = new DateTimeOffset(2024, 6, 1, 0, 0, 0, TimeSpan.Zero);
        var to = new DateTimeOffset(2024, 6, 3, 0, 0, 0, TimeSpan.Zero);

        Assert.All(byRecording, c => Assert.InRange((DateTimeOffset)c["date"]!, from, to.AddSeconds(-1)));
        Assert.All(byProcessing, c => Assert.InRange((DateTimeOffset)c["processedDate"]!, from, to.AddSeconds(-1)));
        Assert.Contains(byProcessing, c => (DateTimeOffset)c["date"]! < from);
        Assert.Contains(byRecording, c => (DateTimeOffset)c["processedDate"]! >= to);
        var processed = byProcessing.Select(c => (DateTimeOffset)c["processedDate"]!).ToList();
        Assert.Equal(processed.Order(), processed);
    }

    [Fact]
    public async Task TheUsersFilterKeepsOnlyThoseRepsConversations()
    {
        var all = await _client.AllConversationsAsync(SandboxClient.SampleRange);
        var emails = all.Select(c => (string)c["user"]!["email"]!).Distinct().Take(2).ToList();
        var filter = $$""" {{SandboxClient.SampleRange}}, "users": [{{string.Join(", ", emails.Select(e => $"\"{e.ToUpperInvariant()}\""))}}] """;
        var filtered = await _client.AllConversationsAsync(filter);

        Assert.NotEmpty(filtered);
        Assert.All(filtered, c => Assert.Contains((string)c["user"]!["email"]!, emails));
        Assert.Equal(all.Count(c => emails.Contains((string)c["user"]!["email"]!)), filtered.Count);
    }

    [Fact]
    public async Task DefaultsArePageOneAndLimitFifty()
    {
        var defaults = await _client.PostJsonAsync("/export/conversations", $$"""{ {{SandboxClient.SampleRange}} }""");
        var explicitly = await _client.PostJsonAsync("/export/conversations", $$"""{ {{SandboxClient.SampleRange}}, "page": 1, "limit": 50, "dateType": "timeOfRecording" }""");

        Assert.Equal(50, defaults["conversations"]!.Count());
        Assert.Equal(explicitly["conversations"]!.Select(c => (string?)c["conversationId"]), defaults["conversations"]!.Select(c => (string?)c["conversationId"]));
    }

    [Fact]
    public async Task TheSameSeedGivesTheSameData()
    {
        await using var other = await RillaSandbox.StartAsync(new RillaSandboxOptions { ConversationCount = 5000, Seed = 3 });
        using var otherClient = new SandboxClient(other);
        var a = await _client.PostJsonAsync("/export/conversations", $$"""{ {{SandboxClient.SampleRange}}, "page": 2 }""");
        var b = await otherClient.PostJsonAsync("/export/conversations", $$"""{ {{SandboxClient.SampleRange}}, "page": 2 }""");

        Assert.Equal(WithoutMedia(a), WithoutMedia(b));
    }

    private static string WithoutMedia(JObject page)
    {
        foreach (var conversation in page["conversations"]!)
        {
            conversation["audioUrl"] = null;
            conversation["transcriptUrl"] = null;
        }

        return page.ToString();
    }
}
