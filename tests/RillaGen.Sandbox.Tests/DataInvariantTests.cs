using Newtonsoft.Json.Linq;

namespace RillaGen.Sandbox.Tests;

/// <summary>The data invariants the reference implies: aliases, flattened trackers and metrics that agree.</summary>
public sealed class DataInvariantTests
{
    private const string Range = """ "fromDate": "2024-03-01T00:00:00Z", "toDate": "2024-04-01T00:00:00Z" """;

    [Theory]
    [InlineData(1)]
    [InlineData(5)]
    [InlineData(11)]
    public async Task ChecklistAliasesTrackersAndScoresAreConsistent(int seed)
    {
        await using var sandbox = await RillaSandbox.StartAsync(new RillaSandboxOptions { Seed = seed, ConversationCount = 4000 });
        using var client = new SandboxClient(sandbox);
        var conversations = await client.AllConversationsAsync(Range);

        Assert.NotEmpty(conversations);
        foreach (var conversation in conversations)
        {
            var flattened = new List<JObject>();
            foreach (var checklist in conversation["checklists"]!.Cast<JObject>())
            {
                Assert.Equal((string?)checklist["checklistName"], (string?)checklist["name"]);
                Assert.Equal((int)checklist["checklistScore"]!, (int)checklist["score"]!);
                Assert.Equal((int)checklist["checklistDenominator"]!, (int)checklist["denominator"]!);
                var trackers = checklist["trackerData"]!.Cast<JObject>().ToList();
                Assert.Equal(trackers.Count, (int)checklist["checklistDenominator"]!);
                Assert.Equal(trackers.Count(t => (bool)t["trackerIsHit"]!), (int)checklist["checklistScore"]!);
                foreach (var tracker in trackers)
                {
                    Assert.Equal((string?)tracker["trackerName"], (string?)tracker["name"]);
                    Assert.Equal((bool)tracker["trackerIsHit"]!, (bool)tracker["isHit"]!);
                    Assert.Equal((double)tracker["trackerAiScore"]!, (double)tracker["aiScore"]!);
                    flattened.Add(new JObject
                    {
                        ["checklistName"] = checklist["checklistName"],
                        ["trackerName"] = tracker["trackerName"],
                        ["isHit"] = tracker["trackerIsHit"],
                        ["aiScore"] = tracker["trackerAiScore"],
                    });
                }
            }

            Assert.Equal(new JArray(flattened).ToString(), conversation["aiTrackers"]!.ToString());
            if (!conversation["viewers"]!.Any())
            {
                Assert.Equal(0, (int)conversation["totalComments"]!);
            }
        }

        Assert.Contains(conversations, c => c["customFields"]!.Type == JTokenType.Null);
        Assert.Contains(conversations, c => c["customFields"]!.Type == JTokenType.Object);
        Assert.Contains(conversations, c => c["surveyResults"]!.Any());
        Assert.Contains(conversations, c => c["viewers"]!.Any());
    }

    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    public async Task UserAndTeamMetricsAgreeWithTheConversations(int seed)
    {
        await using var sandbox = await RillaSandbox.StartAsync(new RillaSandboxOptions { Seed = seed, ConversationCount = 4000 });
        using var client = new SandboxClient(sandbox);
        var conversations = await client.AllConversationsAsync(Range);
        var users = (await client.PostJsonAsync("/export/users", $$"""{ {{Range}} }"""))["users"]!.Cast<JObject>().ToList();
        var teams = (await client.PostJsonAsync("/export/teams", $$"""{ {{Range}}, "includeSubteams": true }"""))["teams"]!.Cast<JObject>().ToList();

        foreach (var user in users)
        {
            var own = conversations.Where(c => (string?)c["user"]!["id"] == (string?)user["userId"]).ToList();
            Assert.Equal(own.Count, (int)user["conversationsRecorded"]!);
            Assert.Equal(own.Sum(c => (int)c["totalComments"]!), (int)user["commentsReceived"]!);
            if (own.Count == 0)
            {
                Assert.Equal(JTokenType.Null, user["appointmentsRecorded"]!.Type);
                Assert.Equal(JTokenType.Null, user["averageConversationDuration"]!.Type);
                continue;
            }

            Assert.Equal(own.Count, (int)user["appointmentsRecorded"]!);
            Assert.Equal(own.Average(c => (double)c["duration"]!), (double)user["averageConversationDuration"]!, 0.01);
            Assert.Equal(own.Average(c => (double)c["repTalkRatio"]!), (double)user["talkRatioAverage"]!, 0.01);
            Assert.Equal(own.Average(c => (double)c["longestRepMonologue"]!), (double)user["longestMonologueAverage"]!, 0.01);
            Assert.Equal(own.Average(c => (double)c["longestCustomerMonologue"]!), (double)user["longestCustomerMonologueAverage"]!, 0.01);
            var compliance = own.Average(c => (double)c["checklists"]!.Sum(k => (int)k["checklistScore"]!) / c["checklists"]!.Sum(k => (int)k["checklistDenominator"]!));
            Assert.Equal(compliance, (double)user["averageScriptCompliance"]!, 0.01);
        }

        foreach (var user in users)
        {
            var views = conversations.SelectMany(c => c["viewers"]!).Where(v => (string?)v["userId"] == (string?)user["userId"]).ToList();
            Assert.Equal(views.Count, (int)user["conversationsViewed"]!);
            Assert.Equal(views.Sum(v => (long)v["totalViewTimeMs"]!) / 1000.0, (double)user["conversationViewDuration"]!, 0.01);
        }

        var teamOf = users.Where(u => u["teams"]!.Any()).ToDictionary(u => (string)u["userId"]!, u => (string)u["teams"]![0]!["teamId"]!);
        var parentOf = teams.ToDictionary(t => (string)t["teamId"]!, t => (string?)t["parentTeamId"]);
        bool Within(string? team, string ancestor)
        {
            for (var t = team; t is not null; t = parentOf[t])
            {
                if (t == ancestor)
                {
                    return true;
                }
            }

            return false;
        }

        foreach (var team in teams)
        {
            var id = (string)team["teamId"]!;
            var own = conversations.Where(c => Within(teamOf.GetValueOrDefault((string)c["user"]!["id"]!), id)).ToList();
            var members = users.Where(u => Within(teamOf.GetValueOrDefault((string)u["userId"]!), id)).ToList();
            Assert.Equal(own.Count, (int)team["conversationsRecorded"]!);
            Assert.Equal(members.Sum(u => (int)u["conversationsRecorded"]!), (int)team["conversationsRecorded"]!);
            Assert.Equal(members.Sum(u => (int)u["totalAppointments"]!), (int)team["totalAppointments"]!);
            Assert.Equal(members.Count, (int)team["totalUsers"]!);
            Assert.Equal(members.Count(u => (int)u["conversationsRecorded"]! > 0), (int)team["totalUsersWhoRecorded"]!);
            Assert.Equal(own.Sum(c => (int)c["totalComments"]!), (int)team["commentsReceived"]!);
            if (own.Count > 0)
            {
                Assert.Equal(own.Average(c => (double)c["duration"]!), (double)team["averageConversationDuration"]!, 0.01);
            }
        }

        var topLevel = teams.Where(t => t["parentTeamId"]!.Type == JTokenType.Null).ToList();
        Assert.Equal(conversations.Count, topLevel.Sum(t => (int)t["conversationsRecorded"]!));
    }

    [Fact]
    public async Task TheOrganisationHasSubteamsRolesRemovedUsersAndNullMetrics()
    {
        await using var sandbox = await RillaSandbox.StartAsync(new RillaSandboxOptions { Seed = 2 });
        using var client = new SandboxClient(sandbox);
        var users = (await client.PostJsonAsync("/export/users", $$"""{ {{Range}} }"""))["users"]!.Cast<JObject>().ToList();
        var allTeams = (await client.PostJsonAsync("/export/teams", $$"""{ {{Range}}, "includeSubteams": true }"""))["teams"]!.ToList();
        var topTeams = (await client.PostJsonAsync("/export/teams", $$"""{ {{Range}} }"""))["teams"]!.ToList();

        Assert.Contains(allTeams, t => t["parentTeamId"]!.Type == JTokenType.String);
        Assert.All(topTeams, t => Assert.Equal(JTokenType.Null, t["parentTeamId"]!.Type));
        Assert.True(allTeams.Count > topTeams.Count);
        Assert.Equal(["admin", "manager", "rep"], users.Select(u => (string)u["role"]!).Distinct().Order().ToArray());
        Assert.Contains(users, u => u["appointmentsRecorded"]!.Type == JTokenType.Null && u["talkRatioAverage"]!.Type == JTokenType.Null);
        Assert.Contains(users, u => u["appointmentsRecorded"]!.Type == JTokenType.Integer);
        Assert.Contains(users, u => u["timeOfFirstRecording"]!.Type == JTokenType.Null);

        // Removed reps appear in every seed with enough reps; seed 2 has some.
        Assert.Contains(users, u => (bool)u["isRemoved"]!);
    }

    [Fact]
    public async Task TheUsersFilterOfTheUsersEndpointSelectsByEmail()
    {
        await using var sandbox = await RillaSandbox.StartAsync();
        using var client = new SandboxClient(sandbox);
        var all = (await client.PostJsonAsync("/export/users", $$"""{ {{Range}} }"""))["users"]!.ToList();
        var email = (string)all[3]["email"]!;
        var some = (await client.PostJsonAsync("/export/users", $$"""{ {{Range}}, "users": ["{{email}}", "nobody@yourcompany.com"] }"""))["users"]!.ToList();

        Assert.Equal(email, (string)Assert.Single(some)["email"]!);
    }
}
