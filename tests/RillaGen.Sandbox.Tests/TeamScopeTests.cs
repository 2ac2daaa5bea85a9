using Newtonsoft.Json.Linq;

namespace RillaGen.Sandbox.Tests;

/// <summary>Team-scoped keys see only their team (and subteams), and get 404 for other conversations.</summary>
public sealed class TeamScopeTests : IAsyncLifetime, IDisposable
{
    private const string RegionKey = "region-key";
    private const string SubteamKey = "subteam-key";
    private RillaSandbox _sandbox = null!;
    private SandboxClient _client = null!;

    public async Task InitializeAsync()
    {
        var options = new RillaSandboxOptions { ConversationCount = 3000 };
        options.TeamKeys[RegionKey] = "team-1";
        options.TeamKeys[SubteamKey] = "team-2";
        _sandbox = await RillaSandbox.StartAsync(options);
        _client = new SandboxClient(_sandbox);
    }

    public async Task DisposeAsync() => await _sandbox.DisposeAsync();

    public void Dispose() => _client.Dispose();

    [Theory]
    [InlineData(RegionKey, "team-1")]
    [InlineData(SubteamKey, "team-2")]
    public async Task ATeamKeySeesOnlyItsTeamsConversationsUsersAndTeams(string key, string teamId)
    {
        var orgTeams = (await _client.PostJsonAsync("/export/teams", $$"""{ {{SandboxClient.SampleRange}}, "includeSubteams": true }"""))["teams"]!.Cast<JObject>().ToList();
        var scopeTeams = orgTeams.Where(t => (string)t["teamId"]! == teamId || (string?)t["parentTeamId"] == teamId).Select(t => (string)t["teamId"]!).ToHashSet();
        var orgUsers = (await _client.PostJsonAsync("/export/users", $$"""{ {{SandboxClient.SampleRange}} }"""))["users"]!.Cast<JObject>().ToList();
        var scopeUserIds = orgUsers.Where(u => u["teams"]!.Any(t => scopeTeams.Contains((string)t["teamId"]!))).Select(u => (string)u["userId"]!).ToHashSet();

        var conversations = await _client.AllConversationsAsync(SandboxClient.SampleRange, key);
        var users = (await _client.PostJsonAsync("/export/users", $$"""{ {{SandboxClient.SampleRange}} }""", key))["users"]!.ToList();
        var teams = (await _client.PostJsonAsync("/export/teams", $$"""{ {{SandboxClient.SampleRange}}, "includeSubteams": true }""", key))["teams"]!.ToList();

        Assert.NotEmpty(conversations);
        Assert.All(conversations, c => Assert.Contains((string)c["user"]!["id"]!, scopeUserIds));
        Assert.Equal(scopeUserIds.Order(), users.Select(u => (string)u["userId"]!).Order());
        Assert.Equal(scopeTeams.Order(), teams.Select(t => (string)t["teamId"]!).Order());
        var orgTeam = orgTeams.Single(t => (string)t["teamId"]! == teamId);
        Assert.Equal((int)orgTeam["conversationsRecorded"]!, conversations.Count);
    }

    [Fact]
    public async Task ATeamKeyGets404NotForbiddenForAnotherTeamsConversation()
    {
        var all = await _client.AllConversationsAsync(SandboxClient.SampleRange);
        var visible = (await _client.AllConversationsAsync(SandboxClient.SampleRange, SubteamKey)).Select(c => (string)c["conversationId"]!).ToHashSet();
        var hidden = all.First(c => !visible.Contains((string)c["conversationId"]!));
        var shown = all.First(c => visible.Contains((string)c["conversationId"]!));

        using var asTeam = await _client.GetAsync($"/export/conversations/{hidden["conversationId"]}", SubteamKey);
        using var asOrg = await _client.GetAsync($"/export/conversations/{hidden["conversationId"]}", "demo-key");
        using var own = await _client.GetAsync($"/export/conversations/{shown["conversationId"]}", SubteamKey);

        Assert.Equal(404, (int)asTeam.StatusCode);
        Assert.Equal("Conversation not found", await asTeam.Content.ReadAsStringAsync());
        Assert.Equal(200, (int)asOrg.StatusCode);
        Assert.Equal(200, (int)own.StatusCode);
    }

    [Fact]
    public async Task WithoutSubteamsATeamKeySeesItsOwnTeamAsTheTopLevel()
    {
        var teams = (await _client.PostJsonAsync("/export/teams", $$"""{ {{SandboxClient.SampleRange}} }""", SubteamKey))["teams"]!.ToList();
        Assert.Equal("team-2", (string)Assert.Single(teams)["teamId"]!);
    }

    [Fact]
    public async Task AKeyForAnUnknownTeamIsRejectedAtStartWithoutEchoingTheKey()
    {
        var options = new RillaSandboxOptions();
        options.TeamKeys["secret-team-key"] = "team-999";
        var error = await Assert.ThrowsAsync<ArgumentException>(() => RillaSandbox.StartAsync(options));

        Assert.Contains("team-999", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("secret-team-key", error.Message, StringComparison.Ordinal);
    }
}
