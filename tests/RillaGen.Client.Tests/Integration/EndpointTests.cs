using RillaGen.Sandbox;
using Xunit;
using static RillaGen.Client.Tests.Integration.SandboxClientFactory;

namespace RillaGen.Client.Tests.Integration;

/// <summary>Every endpoint and every error of the reference, against the sandbox over HTTP.</summary>
public sealed class EndpointTests : IAsyncLifetime
{
    private RillaSandbox _sandbox = null!;
    private RillaExportClient _client = null!;

    public async Task InitializeAsync()
    {
        _sandbox = await StartAsync(conversations: 180);
        _client = NewClient(_sandbox);
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _sandbox.DisposeAsync();
    }

    [Fact]
    public async Task ExportConversationsReturnsOnePage()
    {
        var page = await _client.ExportConversationsAsync(WholeWindow(_sandbox), CancellationToken.None);

        Assert.Equal(1, page.CurrentPage);
        Assert.Equal(180, page.TotalConversations);
        Assert.Equal(4, page.TotalPages);
        Assert.Equal(50, page.Conversations.Count);
    }

    [Fact]
    public async Task ExportAllConversationsYieldsEveryConversationOnceInPageOrder()
    {
        var expected = await SequentialIdsAsync(_client, WholeWindow(_sandbox));

        var actual = new List<Guid>();
        await foreach (var conversation in _client.ExportAllConversationsAsync(WholeWindow(_sandbox)))
        {
            actual.Add(conversation.ConversationId);
        }

        Assert.Equal(180, actual.Count);
        Assert.Equal(expected, actual);
    }

    [Fact]
    public async Task ExportAllStartsAtTheRequestsPage()
    {
        var request = WholeWindow(_sandbox);
        request.Page = 3;
        request.Limit = 40;

        var count = 0;
        await foreach (var _ in _client.ExportAllConversationsAsync(request))
        {
            count++;
        }

        Assert.Equal(180 - 80, count);
    }

    [Fact]
    public async Task GetConversationReturnsTheSameRecordAndNullWhenMissing()
    {
        var first = (await _client.ExportConversationsAsync(WholeWindow(_sandbox), CancellationToken.None)).Conversations.First();

        var fetched = await _client.GetConversationAsync(first.ConversationId, CancellationToken.None);
        var missing = await _client.GetConversationAsync(Guid.NewGuid(), CancellationToken.None);

        Assert.NotNull(fetched);
        Assert.Equal(first.ConversationId, fetched.ConversationId);
        Assert.Equal(first.Title, fetched.Title);
        Assert.Null(missing);
    }

    [Fact]
    public async Task ExportTeamsAndUsersReturnTheOrganisation()
    {
        var teams = await _client.ExportTeamsAsync(new ExportTeamsRequest { FromDate = _sandbox.Options.WindowStart, ToDate = _sandbox.Options.WindowEnd, IncludeSubteams = true }, CancellationToken.None);
        var users = await _client.ExportUsersAsync(new ExportUsersRequest { FromDate = _sandbox.Options.WindowStart, ToDate = _sandbox.Options.WindowEnd }, CancellationToken.None);

        Assert.NotEmpty(teams.Teams);
        Assert.NotEmpty(users.Users);
        var one = users.Users.First().Email;
        var filtered = await _client.ExportUsersAsync(new ExportUsersRequest { FromDate = _sandbox.Options.WindowStart, ToDate = _sandbox.Options.WindowEnd, Users = new List<string> { one } }, CancellationToken.None);
        Assert.Equal(one, Assert.Single(filtered.Users).Email);
    }

    [Fact]
    public async Task AnUnknownKeyIsUnauthorizedAndNeverRetried()
    {
        using var client = NewClient(_sandbox, o => o.ApiKey = "wrong-key-4242");

        var error = await Assert.ThrowsAsync<RillaApiException<string>>(() => client.ExportTeamsAsync(new ExportTeamsRequest { FromDate = _sandbox.Options.WindowStart, ToDate = _sandbox.Options.WindowEnd }, CancellationToken.None));

        Assert.Equal(401, error.StatusCode);
        Assert.Equal(RillaErrorKind.Unauthorized, error.Kind);
        Assert.Contains("raw API key", error.Message, StringComparison.Ordinal);
        Assert.Contains("API key not recognized", error.ServerMessage, StringComparison.Ordinal);
        Assert.DoesNotContain("wrong-key-4242", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AServerSideBadRequestCarriesTheServersMessage()
    {
        // The client's own checks pass; an extra field the server parses last makes it a 400.
        var request = WholeWindow(_sandbox);
        request.AdditionalProperties["page"] = "first";

        var error = await Assert.ThrowsAsync<RillaApiException<string>>(() => _client.ExportConversationsAsync(request, CancellationToken.None));

        Assert.Equal(RillaErrorKind.BadRequest, error.Kind);
        Assert.Contains("page must be a positive integer", error.ServerMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ServerErrorsThatOutlastTheBudgetSurfaceAsServerErrors()
    {
        await using var sandbox = await StartAsync(50, o => o.Faults = new SandboxFaultOptions { ServerErrorRate = 1, MaxConsecutiveFaultsPerRequest = 100 });
        using var client = NewClient(sandbox, o => o.MaxRetries = 2);

        var error = await Assert.ThrowsAsync<RillaApiException<string>>(() => client.ExportConversationsAsync(WholeWindow(sandbox), CancellationToken.None));

        Assert.Equal(500, error.StatusCode);
        Assert.Equal(RillaErrorKind.ServerError, error.Kind);
        Assert.True(error.IsTransient);
        Assert.Contains("injected by the sandbox", error.ServerMessage, StringComparison.Ordinal);
    }
}
