using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace RillaGen.Sandbox.Tests;

/// <summary>Fault injection: deterministic by seed and request identity, never by arrival order.</summary>
public sealed class FaultInjectionTests
{
    private static readonly DateTimeOffset FixedNow = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task TheSameRequestsSeeTheSameFaultsRunToRunWhateverTheInterleaving()
    {
        var requests = Enumerable.Range(1, 12).Select(page => $$"""{ {{SandboxClient.SampleRange}}, "page": {{page}}, "limit": 5 }""").ToList();

        async Task<List<string>> RunAsync(bool concurrently)
        {
            await using var sandbox = await RillaSandbox.StartAsync(FaultyOptions());
            using var client = new SandboxClient(sandbox);
            async Task<string> SequenceAsync(string body)
            {
                var outcomes = new List<string>();
                for (var attempt = 0; attempt < 4; attempt++)
                {
                    outcomes.Add(await OutcomeAsync(client, body));
                }

                return string.Join(",", outcomes);
            }

            if (concurrently)
            {
                return (await Task.WhenAll(requests.AsEnumerable().Reverse().Select(SequenceAsync))).Reverse().ToList();
            }

            var results = new List<string>();
            foreach (var body in requests)
            {
                results.Add(await SequenceAsync(body));
            }

            return results;
        }

        var first = await RunAsync(concurrently: false);
        var second = await RunAsync(concurrently: true);

        Assert.Equal(first, second);
        var all = string.Join(",", first);
        foreach (var kind in new[] { "200", "500", "429", "aborted", "truncated" })
        {
            Assert.Contains(kind, all, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task ADifferentFaultSeedGivesDifferentFaults()
    {
        async Task<string> RunAsync(int seed)
        {
            var options = FaultyOptions();
            options.Faults.Seed = seed;
            await using var sandbox = await RillaSandbox.StartAsync(options);
            using var client = new SandboxClient(sandbox);
            var outcomes = new List<string>();
            for (var page = 1; page <= 12; page++)
            {
                outcomes.Add(await OutcomeAsync(client, $$"""{ {{SandboxClient.SampleRange}}, "page": {{page}}, "limit": 5 }"""));
            }

            return string.Join(",", outcomes);
        }

        Assert.NotEqual(await RunAsync(1), await RunAsync(2));
    }

    [Fact]
    public async Task RateLimitedResponsesCarryRetryAfter()
    {
        await using var sandbox = await RillaSandbox.StartAsync(new RillaSandboxOptions { Faults = { RateLimitRate = 1, RetryAfterSeconds = 7 } });
        using var client = new SandboxClient(sandbox);
        using var response = await client.PostAsync("/export/teams", "demo-key", $$"""{ {{SandboxClient.SampleRange}} }""");

        Assert.Equal(429, (int)response.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(7), response.Headers.RetryAfter!.Delta);
        Assert.Equal("text/plain", response.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task TheSameRequestFailsAtMostMaxConsecutiveTimesInARow()
    {
        await using var sandbox = await RillaSandbox.StartAsync(new RillaSandboxOptions { Faults = { ServerErrorRate = 1, MaxConsecutiveFaultsPerRequest = 2 } });
        using var client = new SandboxClient(sandbox);
        var statuses = new List<int>();
        for (var attempt = 0; attempt < 6; attempt++)
        {
            using var response = await client.PostAsync("/export/users", "demo-key", $$"""{ {{SandboxClient.SampleRange}} }""");
            statuses.Add((int)response.StatusCode);
        }

        Assert.Equal([500, 500, 200, 500, 500, 200], statuses);
    }

    [Fact]
    public async Task AnAbortedResponseEndsTheConnectionMidBody()
    {
        await using var sandbox = await RillaSandbox.StartAsync(new RillaSandboxOptions { Faults = { AbortRate = 1 } });
        using var client = new SandboxClient(sandbox);
        var error = await Record.ExceptionAsync(async () =>
        {
            using var response = await client.PostAsync("/export/conversations", "demo-key", $$"""{ {{SandboxClient.SampleRange}} }""");
            await response.Content.ReadAsByteArrayAsync();
        });

        Assert.True(error is HttpRequestException or IOException, $"expected a transport error, got {error?.GetType().Name ?? "none"}");
    }

    [Fact]
    public async Task ATruncatedResponseIsA200WhoseBodyIsACutPrefix()
    {
        await using var sandbox = await RillaSandbox.StartAsync(new RillaSandboxOptions { TimeProvider = new AdjustableTimeProvider { Now = FixedNow }, Faults = { TruncateRate = 1, MaxConsecutiveFaultsPerRequest = 1 } });
        using var client = new SandboxClient(sandbox);
        var body = $$"""{ {{SandboxClient.SampleRange}}, "limit": 10 }""";
        using var truncated = await client.PostAsync("/export/conversations", "demo-key", body);
        var cut = await truncated.Content.ReadAsStringAsync();
        using var whole = await client.PostAsync("/export/conversations", "demo-key", body);
        var full = await whole.Content.ReadAsStringAsync();

        Assert.Equal(200, (int)truncated.StatusCode);
        Assert.ThrowsAny<JsonException>(() => JObject.Parse(cut));
        Assert.True(cut.Length < full.Length);
        Assert.StartsWith(cut, full, StringComparison.Ordinal);
        JObject.Parse(full);
    }

    [Fact]
    public async Task SlowDripAndLatencyDeliverTheSameBody()
    {
        var clock = new AdjustableTimeProvider { Now = FixedNow };
        await using var plain = await RillaSandbox.StartAsync(new RillaSandboxOptions { TimeProvider = clock });
        await using var slow = await RillaSandbox.StartAsync(new RillaSandboxOptions { TimeProvider = clock, Faults = { DripDelay = TimeSpan.FromMilliseconds(2), Latency = TimeSpan.FromMilliseconds(5) } });
        using var plainClient = new SandboxClient(plain);
        using var slowClient = new SandboxClient(slow);
        var body = $$"""{ {{SandboxClient.SampleRange}}, "limit": 20 }""";

        var expected = (await plainClient.PostJsonAsync("/export/conversations", body)).ToString();
        var dripped = (await slowClient.PostJsonAsync("/export/conversations", body)).ToString();

        Assert.Equal(Normalize(expected, plain), Normalize(dripped, slow));
    }

    [Fact]
    public async Task MediaRoutesAreNotFaulted()
    {
        await using var sandbox = await RillaSandbox.StartAsync(new RillaSandboxOptions { Faults = { ServerErrorRate = 1, MaxConsecutiveFaultsPerRequest = 1 } });
        using var client = new SandboxClient(sandbox);
        using (var faulted = await client.PostAsync("/export/conversations", "demo-key", $$"""{ {{SandboxClient.SampleRange}}, "limit": 1 }"""))
        {
            Assert.Equal(500, (int)faulted.StatusCode);
        }

        var page = await client.PostJsonAsync("/export/conversations", $$"""{ {{SandboxClient.SampleRange}}, "limit": 1 }""");
        using var audio = await client.Http.GetAsync((string)page["conversations"]![0]!["audioUrl"]!);
        Assert.Equal(200, (int)audio.StatusCode);
    }

    [Fact]
    public async Task InLiveModeArrivalsShiftPagesUnderAPagingClient()
    {
        var options = new RillaSandboxOptions
        {
            ConversationCount = 500,
            WindowStart = new DateTimeOffset(2024, 3, 1, 0, 0, 0, TimeSpan.Zero),
            WindowEnd = new DateTimeOffset(2024, 3, 2, 0, 0, 0, TimeSpan.Zero),
            Faults = { LiveArrivalsPerRequest = 20 },
        };
        await using var sandbox = await RillaSandbox.StartAsync(options);
        using var client = new SandboxClient(sandbox);
        var range = """ "fromDate": "2024-03-01T00:00:00Z", "toDate": "2024-03-02T00:00:00Z" """;

        var totals = new List<int>();
        var seen = new List<string>();
        var totalPages = 1;
        for (var page = 1; page <= totalPages; page++)
        {
            var body = await client.PostJsonAsync("/export/conversations", $$"""{ {{range}}, "page": {{page}} }""");
            totals.Add((int)body["totalConversations"]!);
            totalPages = (int)body["totalPages"]!;
            var dates = body["conversations"]!.Select(c => (DateTimeOffset)c["date"]!).ToList();
            Assert.Equal(dates.Order(), dates);
            seen.AddRange(body["conversations"]!.Select(c => (string)c["conversationId"]!));
        }

        Assert.Equal(Enumerable.Range(1, totals.Count).Select(n => 500 + (20 * n)), totals);
        Assert.True(totalPages > 10);
        Assert.True(seen.Count > seen.Distinct().Count(), "a paging client sees duplicates in live mode");

        await using var baseline = await RillaSandbox.StartAsync(new RillaSandboxOptions { ConversationCount = 500, WindowStart = options.WindowStart, WindowEnd = options.WindowEnd });
        using var baselineClient = new SandboxClient(baseline);
        var baseIds = (await baselineClient.AllConversationsAsync(range)).Select(c => (string)c["conversationId"]!).ToHashSet();
        var arrival = seen.First(id => !baseIds.Contains(id));
        using var fetched = await client.GetAsync($"/export/conversations/{arrival}", "demo-key");
        Assert.Equal(200, (int)fetched.StatusCode);
        await SpecSchemas.AssertValidAsync("ConversationsExport", await fetched.Content.ReadAsStringAsync());
    }

    private static RillaSandboxOptions FaultyOptions() => new()
    {
        ConversationCount = 2000,
        Faults = { Seed = 5, ServerErrorRate = 0.2, RateLimitRate = 0.15, AbortRate = 0.1, TruncateRate = 0.1, MaxConsecutiveFaultsPerRequest = 2 },
    };

    private static async Task<string> OutcomeAsync(SandboxClient client, string body)
    {
        try
        {
            using var response = await client.PostAsync("/export/conversations", "demo-key", body);
            var text = await response.Content.ReadAsStringAsync();
            if ((int)response.StatusCode != 200)
            {
                return ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            try
            {
                JObject.Parse(text);
                return "200";
            }
            catch (JsonException)
            {
                return "truncated";
            }
        }
        catch (Exception e) when (e is HttpRequestException or IOException)
        {
            return "aborted";
        }
    }

    /// <summary>Each sandbox has its own host and signing key; the rest of the body must match.</summary>
    private static string Normalize(string json, RillaSandbox sandbox) =>
        System.Text.RegularExpressions.Regex.Replace(json.Replace(sandbox.BaseAddress.Authority, "host", StringComparison.Ordinal), "X-Amz-Signature=[0-9a-f]+", "X-Amz-Signature=");
}
