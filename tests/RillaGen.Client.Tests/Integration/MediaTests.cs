using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;
using RillaGen.Sandbox;
using Xunit;
using static RillaGen.Client.Tests.Integration.SandboxClientFactory;

namespace RillaGen.Client.Tests.Integration;

/// <summary>Media downloads against the sandbox's presigned URLs, including expired ones.</summary>
public sealed class MediaTests
{
    [Fact]
    public async Task AudioAndTranscriptDownload()
    {
        await using var sandbox = await StartAsync(20);
        using var client = NewClient(sandbox);
        var conversation = (await client.ExportConversationsAsync(WholeWindow(sandbox), CancellationToken.None)).Conversations.First();
        using var audio = new MemoryStream();
        using var transcript = new MemoryStream();

        await client.DownloadAudioAsync(conversation, audio);
        await client.DownloadTranscriptAsync(conversation, transcript);

        Assert.Equal("RIFF"u8.ToArray(), audio.ToArray()[..4]);
        Assert.NotEmpty(Newtonsoft.Json.Linq.JToken.Parse(System.Text.Encoding.UTF8.GetString(transcript.ToArray())));
    }

    [Fact]
    public async Task AUrlTheServerRefusesAsExpiredIsRefreshedOnce()
    {
        // The server's clock passes the expiry; the client's does not, so it learns from the 403.
        var serverTime = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var sandbox = await StartAsync(20, o => o.TimeProvider = serverTime);
        using var logs = new FakeLoggerProvider();
        using var loggerFactory = LoggerFactory.Create(b => b.AddProvider(logs).SetMinimumLevel(LogLevel.Trace));
        using var client = NewClient(sandbox, loggerFactory: loggerFactory);
        var conversation = (await client.ExportConversationsAsync(WholeWindow(sandbox), CancellationToken.None)).Conversations.First();
        serverTime.Advance(TimeSpan.FromHours(7));
        using var audio = new MemoryStream();

        await client.DownloadAudioAsync(conversation, audio);

        Assert.Equal("RIFF"u8.ToArray(), audio.ToArray()[..4]);
        Assert.Contains(logs.Collector.GetSnapshot(), r => r.Id.Name == "RillaMediaUrlRefresh" && r.Message.Contains("403", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AUrlPastItsExpiryIsRefreshedBeforeItIsTried()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var sandbox = await StartAsync(20, o => o.TimeProvider = time);
        using var logs = new FakeLoggerProvider();
        using var loggerFactory = LoggerFactory.Create(b => b.AddProvider(logs).SetMinimumLevel(LogLevel.Trace));
        using var client = NewClient(sandbox, o => o.TimeProvider = time, loggerFactory);
        var conversation = (await client.ExportConversationsAsync(WholeWindow(sandbox), CancellationToken.None)).Conversations.First();
        time.Advance(TimeSpan.FromHours(6));
        using var transcript = new MemoryStream();

        await client.DownloadTranscriptAsync(conversation, transcript);

        Assert.True(transcript.Length > 0);
        var messages = logs.Collector.GetSnapshot();
        Assert.Contains(messages, r => r.Id.Name == "RillaMediaUrlRefresh" && r.Message.Contains("has expired", StringComparison.Ordinal));
        // The stale URL was never sent: the only media request is the refreshed one.
        Assert.Single(messages, r => r.Message.Contains("GET /media/", StringComparison.Ordinal) && r.Message.Contains(": 200", StringComparison.Ordinal));
        Assert.DoesNotContain(messages, r => r.Message.Contains(": 403", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AConversationThatNoLongerExistsCannotBeRefreshed()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var sandbox = await StartAsync(20, o => o.TimeProvider = time);
        using var client = NewClient(sandbox, o => o.TimeProvider = time);
        var conversation = (await client.ExportConversationsAsync(WholeWindow(sandbox), CancellationToken.None)).Conversations.First();
        conversation.ConversationId = Guid.NewGuid();
        time.Advance(TimeSpan.FromHours(7));

        var error = await Assert.ThrowsAsync<RillaApiException>(() => client.DownloadAudioAsync(conversation, Stream.Null));

        Assert.Equal(RillaErrorKind.NotFound, error.Kind);
    }
}
