namespace RillaGen.Sandbox.Tests;

/// <summary>Each row of the reference's error table, case by case, with plain-text bodies.</summary>
public sealed class ErrorTableTests : IAsyncLifetime, IDisposable
{
    private RillaSandbox _sandbox = null!;
    private SandboxClient _client = null!;

    public async Task InitializeAsync()
    {
        _sandbox = await RillaSandbox.StartAsync(new RillaSandboxOptions { ConversationCount = 2000 });
        _client = new SandboxClient(_sandbox);
    }

    public async Task DisposeAsync() => await _sandbox.DisposeAsync();

    public void Dispose() => _client.Dispose();

    [Theory]
    [InlineData("/export/conversations")]
    [InlineData("/export/teams")]
    [InlineData("/export/users")]
    public async Task Ok200ForAValidRequest(string path)
    {
        using var response = await _client.PostAsync(path, "demo-key", $$"""{ {{SandboxClient.SampleRange}} }""");
        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
    }

    /// <summary>The 400 causes the reference lists, each with the words the message must contain.</summary>
    public static TheoryData<string, string, string> BadRequests() => new()
    {
        { "/export/conversations", """{ "toDate": "2024-04-01T00:00:00Z" }""", "fromDate is required" },
        { "/export/conversations", """{ "fromDate": "2024-03-01T00:00:00Z" }""", "toDate is required" },
        { "/export/teams", """{ "toDate": "2024-04-01T00:00:00Z" }""", "fromDate is required" },
        { "/export/users", """{ "fromDate": "2024-03-01T00:00:00Z" }""", "toDate is required" },
        { "/export/conversations", """{ "fromDate": "03/01/2024", "toDate": "2024-04-01T00:00:00Z" }""", "fromDate must be an ISO 8601" },
        { "/export/conversations", """{ "fromDate": "2024-03-01T00:00:00Z", "toDate": "April 1st" }""", "toDate must be an ISO 8601" },
        { "/export/users", """{ "fromDate": 20240301, "toDate": "2024-04-01T00:00:00Z" }""", "fromDate must be an ISO 8601" },
        { "/export/conversations", """{ "fromDate": "2024-03-01T00:00:00Z", "toDate": "2024-04-01T00:00:00Z", "page": 0 }""", "page must be a positive integer" },
        { "/export/conversations", """{ "fromDate": "2024-03-01T00:00:00Z", "toDate": "2024-04-01T00:00:00Z", "page": -2 }""", "page must be a positive integer" },
        { "/export/conversations", """{ "fromDate": "2024-03-01T00:00:00Z", "toDate": "2024-04-01T00:00:00Z", "page": 1.5 }""", "page must be a positive integer" },
        { "/export/conversations", """{ "fromDate": "2024-03-01T00:00:00Z", "toDate": "2024-04-01T00:00:00Z", "page": "2" }""", "page must be a positive integer" },
        { "/export/conversations", """{ "fromDate": "2024-03-01T00:00:00Z", "toDate": "2024-04-01T00:00:00Z", "limit": 0 }""", "limit must be a positive integer" },
        { "/export/conversations", """{ "fromDate": "2024-03-01T00:00:00Z", "toDate": "2024-04-01T00:00:00Z", "limit": "ten" }""", "limit must be a positive integer" },
        { "/export/conversations", """{ "fromDate": "2024-03-01T00:00:00Z", "toDate": "2024-04-01T00:00:00Z", "limit": 51 }""", "limit must not exceed 50" },
        { "/export/conversations", """{ "fromDate": "2024-03-01T00:00:00Z", "toDate": "2024-04-01T00:00:00Z", "users": ["rep1@yourcompany.com", "not-an-email"] }""", "users[1] must be a valid email" },
        { "/export/users", """{ "fromDate": "2024-03-01T00:00:00Z", "toDate": "2024-04-01T00:00:00Z", "users": ["rep1@"] }""", "users[0] must be a valid email" },
        { "/export/conversations", """{ "fromDate": "2024-03-01T00:00:00Z", "toDate": """, "not valid JSON" },
        { "/export/teams", "fromDate=2024-03-01", "not valid JSON" },
        { "/export/users", "[1, 2]", "must be a JSON object" },
        { "/export/conversations", """{ "fromDate": "2024-03-01T00:00:00Z", "toDate": "2024-04-01T00:00:00Z", "dateType": "created" }""", "dateType must be timeOfRecording or processedDate" },
        { "/export/teams", """{ "fromDate": "2024-03-01T00:00:00Z", "toDate": "2024-04-01T00:00:00Z", "includeSubteams": "yes" }""", "includeSubteams must be true or false" },
        { "/export/users", """{ "fromDate": "2024-04-01T00:00:00Z", "toDate": "2024-03-01T00:00:00Z" }""", "toDate must not be before fromDate" },
    };

    [Theory]
    [MemberData(nameof(BadRequests))]
    public async Task BadRequest400NamesTheFieldAndTheRule(string path, string body, string expected)
    {
        using var response = await _client.PostAsync(path, "demo-key", body);
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(400, (int)response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains(expected, text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BadRequest400ForAConversationIdThatIsNotAUuid()
    {
        using var response = await _client.GetAsync("/export/conversations/not-a-uuid", "demo-key");
        Assert.Equal(400, (int)response.StatusCode);
        Assert.Contains("conversationId must be a UUID", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownFieldsAreIgnored()
    {
        using var plain = await _client.PostAsync("/export/conversations", "demo-key", $$"""{ {{SandboxClient.SampleRange}} }""");
        using var extra = await _client.PostAsync("/export/conversations", "demo-key", $$"""{ {{SandboxClient.SampleRange}}, "sortBy": "date", "nested": { "a": [1] } }""");

        Assert.Equal(200, (int)extra.StatusCode);
        Assert.Equal(StripMedia(await plain.Content.ReadAsStringAsync()), StripMedia(await extra.Content.ReadAsStringAsync()));
    }

    [Theory]
    [InlineData(null, "header is missing")]
    [InlineData("", "header is missing")]
    [InlineData("wrong-key", "not recognized")]
    [InlineData("Bearer demo-key", "no prefix")]
    [InlineData("DEMO-KEY", "not recognized")]
    public async Task Unauthorized401ForAMissingUnknownOrPrefixedKey(string? key, string expected)
    {
        foreach (var response in new[]
        {
            await _client.PostAsync("/export/conversations", key, $$"""{ {{SandboxClient.SampleRange}} }"""),
            await _client.PostAsync("/export/teams", key, $$"""{ {{SandboxClient.SampleRange}} }"""),
            await _client.PostAsync("/export/users", key, $$"""{ {{SandboxClient.SampleRange}} }"""),
            await _client.GetAsync("/export/conversations/f1a3e9d8-2b46-4c1a-9c7e-7e4a18d2c93f", key),
        })
        {
            using (response)
            {
                var text = await response.Content.ReadAsStringAsync();
                Assert.Equal(401, (int)response.StatusCode);
                Assert.Equal("text/plain", response.Content.Headers.ContentType!.MediaType);
                Assert.Contains(expected, text, StringComparison.Ordinal);
                Assert.DoesNotContain("demo-key", text, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public async Task AuthIsCheckedBeforeTheBody()
    {
        using var response = await _client.PostAsync("/export/conversations", "wrong-key", "not json");
        Assert.Equal(401, (int)response.StatusCode);
    }

    [Fact]
    public async Task NotFound404ForAConversationThatDoesNotExist()
    {
        using var response = await _client.GetAsync($"/export/conversations/{Guid.NewGuid()}", "demo-key");
        Assert.Equal(404, (int)response.StatusCode);
        Assert.Equal("Conversation not found", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task InternalServerError500IsPlainText()
    {
        var options = new RillaSandboxOptions { Faults = { ServerErrorRate = 1 } };
        await using var sandbox = await RillaSandbox.StartAsync(options);
        using var client = new SandboxClient(sandbox);
        using var response = await client.PostAsync("/export/conversations", "demo-key", $$"""{ {{SandboxClient.SampleRange}} }""");

        Assert.Equal(500, (int)response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("Internal Server Error", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static string StripMedia(string json) => System.Text.RegularExpressions.Regex.Replace(json, "\\?X-Amz[^\"]*", string.Empty);
}
