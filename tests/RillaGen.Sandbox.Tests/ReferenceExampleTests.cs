using System.Diagnostics;
using Newtonsoft.Json.Linq;

namespace RillaGen.Sandbox.Tests;

/// <summary>The reference's curl examples work against the sandbox unchanged, apart from the host.</summary>
public sealed class ReferenceExampleTests
{
    private const string ReferenceKey = "YOUR_API_KEY";
    private static readonly string[] CurlLocations = ["/usr/bin/curl", "/bin/curl", "/usr/local/bin/curl"];

    /// <summary>The reference's four curl examples: method, path and body exactly as written there.</summary>
    public static TheoryData<string, string, string?> CurlExamples() => new()
    {
        { "POST", "/export/conversations", """{"fromDate": "2024-03-01T00:00:00Z", "toDate": "2024-04-01T00:00:00Z", "page": 1, "limit": 50}""" },
        { "GET", "/export/conversations/f1a3e9d8-2b46-4c1a-9c7e-7e4a18d2c93f", null },
        { "POST", "/export/teams", """{"fromDate": "2024-03-01T00:00:00Z", "toDate": "2024-04-01T00:00:00Z", "includeSubteams": true}""" },
        { "POST", "/export/users", """{"fromDate": "2024-03-01T00:00:00Z", "toDate": "2024-04-01T00:00:00Z"}""" },
    };

    [Theory]
    [MemberData(nameof(CurlExamples))]
    public async Task CurlExampleWorksOverHttpClient(string method, string path, string? body)
    {
        await using var sandbox = await StartWithReferenceKeyAsync();
        using var client = new SandboxClient(sandbox);
        using var response = method == "GET" ? await client.GetAsync(path, ReferenceKey) : await client.PostAsync(path, ReferenceKey, body!);
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(200, (int)response.StatusCode);
        await SpecSchemas.AssertValidAsync(SchemaOf(path), text);
        AssertNonEmpty(path, JObject.Parse(text));
    }

    [SkippableTheory]
    [MemberData(nameof(CurlExamples))]
    public async Task CurlExampleWorksWithRealCurl(string method, string path, string? body)
    {
        var curl = CurlLocations.FirstOrDefault(File.Exists);
        Skip.If(curl is null, "curl is not installed");
        await using var sandbox = await StartWithReferenceKeyAsync();
        var url = new Uri(sandbox.BaseAddress, path).ToString();
        var arguments = method == "GET"
            ? new List<string> { "-s", url, "-H", $"Authorization: {ReferenceKey}" }
            : ["-s", "-X", "POST", url, "-H", $"Authorization: {ReferenceKey}", "-H", "Content-Type: application/json", "-d", body!];

        var start = new ProcessStartInfo(curl!) { RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();

        Assert.Equal(0, process.ExitCode);
        await SpecSchemas.AssertValidAsync(SchemaOf(path), output);
        AssertNonEmpty(path, JObject.Parse(output));
    }

    private static void AssertNonEmpty(string path, JObject body)
    {
        switch (SchemaOf(path))
        {
            case "ExportConversationsResponse":
                Assert.NotEmpty(body["conversations"]!);
                break;
            case "ConversationsExport":
                Assert.Equal("f1a3e9d8-2b46-4c1a-9c7e-7e4a18d2c93f", (string?)body["conversationId"]);
                break;
            case "ExportTeamsResponse":
                Assert.NotEmpty(body["teams"]!);
                break;
            default:
                Assert.NotEmpty(body["users"]!);
                break;
        }
    }

    private static string SchemaOf(string path) => path switch
    {
        "/export/conversations" => "ExportConversationsResponse",
        "/export/teams" => "ExportTeamsResponse",
        "/export/users" => "ExportUsersResponse",
        _ => "ConversationsExport",
    };

    private static Task<RillaSandbox> StartWithReferenceKeyAsync()
    {
        var options = new RillaSandboxOptions();
        options.OrganizationKeys.Add(ReferenceKey);
        return RillaSandbox.StartAsync(options);
    }
}
