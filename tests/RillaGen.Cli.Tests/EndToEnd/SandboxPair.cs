using System.Security.Cryptography;
using RillaGen.Sandbox;

namespace RillaGen.Cli.Tests.EndToEnd;

/// <summary>
/// Two sandboxes with the same seed, so the same data: one with faults on (500s, 429s, aborted and truncated
/// bodies, latency) that the CLI exports from, and a clean twin the tests ask for the truth.
/// </summary>
public sealed class SandboxPair : IAsyncLifetime
{
    public const string ApiKey = "demo-key";

    public RillaSandbox Faulty { get; private set; } = null!;

    public RillaSandbox Clean { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Faulty = await RillaSandbox.StartAsync(Options(new SandboxFaultOptions
        {
            Seed = 3,
            ServerErrorRate = 0.1,
            RateLimitRate = 0.05,
            RetryAfterSeconds = 1,
            AbortRate = 0.05,
            TruncateRate = 0.05,
            Latency = TimeSpan.FromMilliseconds(5),
        }));
        Clean = await RillaSandbox.StartAsync(Options(new SandboxFaultOptions()));
    }

    public async Task DisposeAsync()
    {
        await Faulty.DisposeAsync();
        await Clean.DisposeAsync();
    }

    public static IReadOnlyDictionary<string, string?> Environment { get; } = new Dictionary<string, string?> { ["RILLA_API_KEY"] = ApiKey };

    /// <summary>The arguments that point the CLI at the faulty sandbox.</summary>
    public string[] Args(params string[] args) => [.. args, "--base-url", Faulty.BaseAddress.ToString()];

    public async Task<ExportConversationsResponse> ConversationsPageAsync(DateTimeOffset from, DateTimeOffset to, DateType dateType = DateType.TimeOfRecording)
    {
        using var http = ApiHttp();
        return await new RillaExportClient(http) { BaseUrl = Clean.BaseAddress.ToString() }
            .ExportConversationsAsync(new ExportConversationsRequest { FromDate = from, ToDate = to, DateType = dateType, Page = 1, Limit = 1 }, CancellationToken.None);
    }

    public async Task<(int Teams, int Users)> SnapshotCountsAsync(DateTimeOffset from, DateTimeOffset to)
    {
        using var http = ApiHttp();
        var client = new RillaExportClient(http) { BaseUrl = Clean.BaseAddress.ToString() };
        var teams = await client.ExportTeamsAsync(new ExportTeamsRequest { FromDate = from, ToDate = to, IncludeSubteams = true }, CancellationToken.None);
        var users = await client.ExportUsersAsync(new ExportUsersRequest { FromDate = from, ToDate = to }, CancellationToken.None);
        return (teams.Teams.Count, users.Users.Count);
    }

    /// <summary>The SHA-256 of the media the sandbox serves for a conversation, fetched fresh.</summary>
    public async Task<string> MediaSha256Async(Guid conversationId, string kind)
    {
        using var http = ApiHttp();
        var conversation = await new RillaExportClient(http) { BaseUrl = Clean.BaseAddress.ToString() }.GetConversationAsync(conversationId, CancellationToken.None);
        Assert.NotNull(conversation);
        using var media = new HttpClient();
        var bytes = await media.GetByteArrayAsync(new Uri(kind == "audio" ? conversation.AudioUrl : conversation.TranscriptUrl));
        return Convert.ToHexStringLower(SHA256.HashData(bytes));
    }

    private static RillaSandboxOptions Options(SandboxFaultOptions faults) => new()
    {
        Seed = 7,
        ConversationCount = 2_000,
        Faults = faults,
    };

    private static HttpClient ApiHttp()
    {
        var http = new HttpClient();
        http.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", ApiKey);
        return http;
    }
}
