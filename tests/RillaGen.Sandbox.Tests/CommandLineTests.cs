using System.Diagnostics;
using System.Text.RegularExpressions;

namespace RillaGen.Sandbox.Tests;

/// <summary>The standalone program: its options, its start banner, and that it serves.</summary>
public sealed partial class CommandLineTests
{
    [Fact]
    public async Task HelpListsEveryOption()
    {
        var (exitCode, output) = await RunToEndAsync("--help");

        Assert.Equal(0, exitCode);
        foreach (var option in new[] { "--urls", "--api-key", "--team-key", "--seed", "--conversations", "--window-start", "--window-end", "--media-expiry", "--fault-seed", "--latency-ms", "--error-rate", "--rate-limit-rate", "--retry-after", "--abort-rate", "--truncate-rate", "--drip-ms", "--max-consecutive-faults", "--live-arrivals" })
        {
            Assert.Contains(option, output, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task ABadTeamKeyIsAClearError()
    {
        var (exitCode, output) = await RunToEndAsync("--urls", "http://127.0.0.1:0", "--team-key", "missing-equals-sign");
        Assert.Equal(2, exitCode);
        Assert.Contains("--team-key must look like key=teamId", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ItPrintsItsBaseUrlAndKeysAndServesTheConfiguredData()
    {
        using var process = Start("--urls", "http://127.0.0.1:0", "--api-key", "key-one", "--api-key", "key-two", "--team-key", "west=team-1", "--seed", "9", "--conversations", "500");
        try
        {
            var banner = new List<string>();
            string? line;
            while ((line = await process.StandardOutput.ReadLineAsync()) is not null && !line.StartsWith("Press Ctrl+C", StringComparison.Ordinal))
            {
                banner.Add(line);
            }

            var text = string.Join("\n", banner);
            var baseUrl = BaseUrlPattern().Match(text).Groups[1].Value;
            Assert.Contains("key-one, key-two", text, StringComparison.Ordinal);
            Assert.Contains("west -> team-1", text, StringComparison.Ordinal);

            using var http = new HttpClient { BaseAddress = new Uri(baseUrl) };
            using var request = new HttpRequestMessage(HttpMethod.Post, "export/conversations") { Content = new StringContent("""{ "fromDate": "2024-01-01T00:00:00Z", "toDate": "2025-01-01T00:00:00Z" }""", System.Text.Encoding.UTF8, "application/json") };
            request.Headers.TryAddWithoutValidation("Authorization", "key-two");
            using var response = await http.SendAsync(request);
            var body = Newtonsoft.Json.Linq.JObject.Parse(await response.Content.ReadAsStringAsync());

            Assert.Equal(500, (int)body["totalConversations"]!);
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    [GeneratedRegex(@"listening on (http://\S+)")]
    private static partial Regex BaseUrlPattern();

    private static async Task<(int ExitCode, string Output)> RunToEndAsync(params string[] arguments)
    {
        using var process = Start(arguments);
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output + await error);
    }

    /// <summary>Runs the sandbox program copied beside the tests, on the same dotnet host.</summary>
    private static Process Start(params string[] arguments)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath ?? "dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        if (!Path.GetFileNameWithoutExtension(start.FileName).Equals("dotnet", StringComparison.OrdinalIgnoreCase))
        {
            start.FileName = "dotnet";
        }

        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "RillaGen.Sandbox.dll"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        return Process.Start(start)!;
    }
}
