namespace RillaGen.Sandbox.Tests;

/// <summary>The generated RillaExportClient works against the sandbox, for every endpoint and error.</summary>
public sealed class GeneratedClientTests : IAsyncLifetime, IDisposable
{
    private static readonly DateTimeOffset From = new(2024, 3, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset To = new(2024, 4, 1, 0, 0, 0, TimeSpan.Zero);
    private RillaSandbox _sandbox = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        _sandbox = await RillaSandbox.StartAsync(new RillaSandboxOptions { ConversationCount = 3000 });
        _http = ClientWithKey("demo-key");
    }

    public async Task DisposeAsync() => await _sandbox.DisposeAsync();

    public void Dispose() => _http.Dispose();

    [Fact]
    public async Task ExportConversationsPagesThroughTheRange()
    {
        var client = NewClient(_http);
        var first = await client.ExportConversationsAsync(new ExportConversationsRequest { FromDate = From, ToDate = To, Page = 1, Limit = 50 });
        var ids = new List<Guid>(first.Conversations.Select(c => c.ConversationId));
        for (var page = 2; page <= first.TotalPages; page++)
        {
            var next = await client.ExportConversationsAsync(new ExportConversationsRequest { FromDate = From, ToDate = To, Page = page, Limit = 50 });
            ids.AddRange(next.Conversations.Select(c => c.ConversationId));
        }

        Assert.True(first.TotalConversations > 0);
        Assert.Equal(first.TotalConversations, ids.Distinct().Count());
        Assert.All(first.Conversations, c => Assert.InRange(c.Date, From, To));
        Assert.All(first.Conversations, c => Assert.Equal(c.Checklists.Sum(k => k.TrackerData.Count), c.AiTrackers.Count));
    }

    [Fact]
    public async Task ProcessedDateFilteringWorksThroughTheClient()
    {
        var client = NewClient(_http);
        var page = await client.ExportConversationsAsync(new ExportConversationsRequest { FromDate = From, ToDate = To, DateType = DateType.ProcessedDate, Limit = 10 });
        Assert.NotEmpty(page.Conversations);
        Assert.All(page.Conversations, c => Assert.InRange(c.ProcessedDate, From, To));
    }

    [Fact]
    public async Task GetConversationReturnsTheRecordAndNullWhenMissing()
    {
        var client = NewClient(_http);
        var page = await client.ExportConversationsAsync(new ExportConversationsRequest { FromDate = From, ToDate = To, Limit = 1 });
        var expected = page.Conversations.Single();

        var fetched = await client.GetConversationAsync(expected.ConversationId);
        var missing = await client.GetConversationAsync(Guid.NewGuid());

        Assert.NotNull(fetched);
        Assert.Equal(expected.ConversationId, fetched.ConversationId);
        Assert.Equal(expected.Title, fetched.Title);
        Assert.Null(missing);
    }

    [Fact]
    public async Task ExportTeamsAndUsersWork()
    {
        var client = NewClient(_http);
        var teams = await client.ExportTeamsAsync(new ExportTeamsRequest { FromDate = From, ToDate = To, IncludeSubteams = true });
        var users = await client.ExportUsersAsync(new ExportUsersRequest { FromDate = From, ToDate = To });
        var page = await client.ExportConversationsAsync(new ExportConversationsRequest { FromDate = From, ToDate = To, Limit = 1 });

        Assert.Contains(teams.Teams, t => t.ParentTeamId is not null);
        Assert.Equal(page.TotalConversations, teams.Teams.Where(t => t.ParentTeamId is null).Sum(t => t.ConversationsRecorded));
        Assert.Equal(page.TotalConversations, users.Users.Sum(u => u.ConversationsRecorded));
        var email = users.Users.First().Email;
        var one = await client.ExportUsersAsync(new ExportUsersRequest { FromDate = From, ToDate = To, Users = [email] });
        Assert.Equal(email, Assert.Single(one.Users).Email);
    }

    [Fact]
    public async Task AnUnknownKeySurfacesAs401()
    {
        using var http = ClientWithKey("not-a-key");
        var error = await Assert.ThrowsAnyAsync<RillaApiException>(() => NewClient(http).ExportTeamsAsync(new ExportTeamsRequest { FromDate = From, ToDate = To }));
        Assert.Equal(401, error.StatusCode);
        Assert.DoesNotContain("not-a-key", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnInvalidEmailIsRejectedByTheClientBeforeSendingAndByTheServer()
    {
        // The client validates before any request, so the server's 400 is checked over raw HTTP.
        var error = await Assert.ThrowsAnyAsync<ArgumentException>(() => NewClient(_http).ExportUsersAsync(new ExportUsersRequest { FromDate = From, ToDate = To, Users = ["not-an-email"] }));
        Assert.Contains("users", error.Message, StringComparison.OrdinalIgnoreCase);

        var (status, body) = await PostRawAsync("export/users", """{"fromDate": "2024-03-01T00:00:00Z", "toDate": "2024-04-01T00:00:00Z", "users": ["not-an-email"]}""");
        Assert.Equal(400, status);
        Assert.Contains("users[0] must be a valid email", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ALimitAboveFiftyIsRejectedByTheClientBeforeSendingAndByTheServer()
    {
        var error = await Assert.ThrowsAnyAsync<ArgumentException>(() => NewClient(_http).ExportConversationsAsync(new ExportConversationsRequest { FromDate = From, ToDate = To, Limit = 51 }));
        Assert.Contains("limit", error.Message, StringComparison.OrdinalIgnoreCase);

        var (status, body) = await PostRawAsync("export/conversations", """{"fromDate": "2024-03-01T00:00:00Z", "toDate": "2024-04-01T00:00:00Z", "limit": 51}""");
        Assert.Equal(400, status);
        Assert.Contains("limit", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AServerErrorSurfacesAs500()
    {
        await using var sandbox = await RillaSandbox.StartAsync(new RillaSandboxOptions { Faults = { ServerErrorRate = 1 } });
        using var http = new HttpClient();
        http.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", "demo-key");
        var client = new RillaExportClient(http) { BaseUrl = sandbox.BaseAddress.ToString() };

        var error = await Assert.ThrowsAnyAsync<RillaApiException>(() => client.ExportTeamsAsync(new ExportTeamsRequest { FromDate = From, ToDate = To }));
        Assert.Equal(500, error.StatusCode);
    }

    private RillaExportClient NewClient(HttpClient http) => new(http) { BaseUrl = _sandbox.BaseAddress.ToString() };

    private async Task<(int Status, string Body)> PostRawAsync(string path, string json)
    {
        using var content = new StringContent(json, System.Text.Encoding.UTF8, "application/json");
        using var response = await _http.PostAsync(new Uri(_sandbox.BaseAddress, path), content);
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private static HttpClient ClientWithKey(string key)
    {
        var http = new HttpClient();
        http.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", key);
        return http;
    }
}
