using Newtonsoft.Json.Linq;

namespace RillaGen.Sandbox.Tests;

/// <summary>Every body the sandbox returns validates against the spec's schemas, over several seeds.</summary>
public sealed class SchemaContractTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(7)]
    [InlineData(2024)]
    public async Task EveryEndpointBodyValidatesAgainstTheSpec(int seed)
    {
        var options = new RillaSandboxOptions { Seed = seed, ConversationCount = 3000 };
        options.TeamKeys["team-key"] = "team-2";
        options.Faults.LiveArrivalsPerRequest = 3;
        await using var sandbox = await RillaSandbox.StartAsync(options);
        using var client = new SandboxClient(sandbox);

        foreach (var key in new[] { "demo-key", "team-key" })
        {
            foreach (var body in new[]
            {
                $$"""{ {{SandboxClient.SampleRange}}, "page": 1, "limit": 50 }""",
                $$"""{ {{SandboxClient.SampleRange}}, "page": 3, "limit": 17, "dateType": "processedDate" }""",
                $$"""{ {{SandboxClient.SampleRange}}, "page": 9999 }""",
                """{ "fromDate": "2023-01-01T00:00:00Z", "toDate": "2026-01-01T00:00:00Z", "limit": 50, "page": 2 }""",
            })
            {
                var page = await client.PostJsonAsync("/export/conversations", body, key);
                await SpecSchemas.AssertValidAsync("ExportConversationsResponse", page.ToString());
                foreach (var conversation in page["conversations"]!.Take(3))
                {
                    using var single = await client.GetAsync($"/export/conversations/{conversation["conversationId"]}", key);
                    Assert.Equal(200, (int)single.StatusCode);
                    await SpecSchemas.AssertValidAsync("ConversationsExport", await single.Content.ReadAsStringAsync());
                }
            }

            foreach (var includeSubteams in new[] { "true", "false" })
            {
                var teams = await client.PostJsonAsync("/export/teams", $$"""{ {{SandboxClient.SampleRange}}, "includeSubteams": {{includeSubteams}} }""", key);
                Assert.NotEmpty(teams["teams"]!);
                await SpecSchemas.AssertValidAsync("ExportTeamsResponse", teams.ToString());
            }

            var users = await client.PostJsonAsync("/export/users", $$"""{ {{SandboxClient.SampleRange}} }""", key);
            Assert.NotEmpty(users["users"]!);
            await SpecSchemas.AssertValidAsync("ExportUsersResponse", users.ToString());
        }
    }

    [Fact]
    public async Task TheValidatorRejectsABodyThatBreaksTheSchema()
    {
        await using var sandbox = await RillaSandbox.StartAsync();
        using var client = new SandboxClient(sandbox);
        var page = await client.PostJsonAsync("/export/conversations", $$"""{ {{SandboxClient.SampleRange}}, "limit": 1 }""");
        var conversation = (JObject)page["conversations"]![0]!;
        conversation.Remove("audioUrl");

        await Assert.ThrowsAnyAsync<Xunit.Sdk.XunitException>(() => SpecSchemas.AssertValidAsync("ConversationsExport", conversation.ToString()));

        conversation["audioUrl"] = "x";
        conversation["inventedField"] = 1;
        await Assert.ThrowsAnyAsync<Xunit.Sdk.XunitException>(() => SpecSchemas.AssertValidAsync("ConversationsExport", conversation.ToString()));
    }
}
