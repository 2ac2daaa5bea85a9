using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using RillaGen.Sandbox;
using Xunit;
using static RillaGen.Client.Tests.Integration.SandboxClientFactory;

namespace RillaGen.Client.Tests.Integration;

/// <summary>No API key and no presigned signature in any captured log line or exception text.</summary>
public sealed class SecretsTests
{
    private const string Key = "sk-live-7f3a9c2e11";

    [Fact]
    public async Task NothingSecretReachesLogsOrExceptions()
    {
        await using var sandbox = await StartAsync(120, o =>
        {
            o.OrganizationKeys.Add(Key);
            o.Faults = new SandboxFaultOptions { ServerErrorRate = 0.2, AbortRate = 0.1, TruncateRate = 0.1, MaxConsecutiveFaultsPerRequest = 2 };
        });
        using var logs = new FakeLoggerProvider();
        var services = new ServiceCollection().AddLogging(b => b.AddProvider(logs).SetMinimumLevel(LogLevel.Trace));
        services.AddRillaExportClient(o =>
        {
            o.ApiKey = Key;
            o.BaseAddress = sandbox.BaseAddress;
            o.RetryBaseDelay = TimeSpan.FromMilliseconds(10);
        });
        await using var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredService<IRillaExportClient>();
        var texts = new List<string>();
        var signatures = new List<string>();

        await foreach (var conversation in client.ExportAllConversationsAsync(WholeWindow(sandbox)))
        {
            signatures.Add(Signature(conversation.AudioUrl));
            if (signatures.Count == 1)
            {
                await client.DownloadAudioAsync(conversation, Stream.Null);
                var broken = new ConversationsExport { ConversationId = conversation.ConversationId, AudioUrl = conversation.AudioUrl.Replace("/audio.wav", "/missing.wav", StringComparison.Ordinal) };
                texts.Add((await Assert.ThrowsAsync<RillaApiException>(() => client.DownloadAudioAsync(broken, Stream.Null))).ToString());
            }
        }

        using (var wrongKey = NewClient(sandbox, o => o.ApiKey = Key + "x"))
        {
            texts.Add((await Assert.ThrowsAsync<RillaApiException<string>>(() => wrongKey.ExportTeamsAsync(new ExportTeamsRequest { FromDate = sandbox.Options.WindowStart, ToDate = sandbox.Options.WindowEnd }, CancellationToken.None))).ToString());
        }

        texts.Add(Assert.Throws<ArgumentException>(() => new RillaExportClient(new RillaClientOptions { ApiKey = "Bearer " + Key })).ToString());
        var records = logs.Collector.GetSnapshot();
        Assert.NotEmpty(records);
        texts.AddRange(records.Select(r => r.Message + " " + r.Exception));
        texts.AddRange(records.SelectMany(r => r.StructuredState ?? []).Select(kv => kv.Key + "=" + kv.Value));

        Assert.Equal(120, signatures.Count);
        Assert.All(texts, t => Assert.DoesNotContain(Key, t, StringComparison.Ordinal));
        Assert.All(texts, t => Assert.DoesNotContain("X-Amz-Signature", t, StringComparison.Ordinal));
        Assert.All(texts, t => Assert.DoesNotContain(signatures[0], t, StringComparison.Ordinal));
        Assert.Contains(records, r => r.Message.Contains("Authorization=REDACTED", StringComparison.Ordinal));
        Assert.Contains(records, r => r.Message.Contains("GET /media/", StringComparison.Ordinal) && r.Message.Contains("?REDACTED", StringComparison.Ordinal));
    }

    private static string Signature(string url) => url[(url.IndexOf("X-Amz-Signature=", StringComparison.Ordinal) + "X-Amz-Signature=".Length)..];
}
