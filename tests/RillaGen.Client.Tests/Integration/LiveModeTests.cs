using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using RillaGen.Sandbox;
using Xunit;
using static RillaGen.Client.Tests.Integration.SandboxClientFactory;

namespace RillaGen.Client.Tests.Integration;

/// <summary>New conversations arrive while the pager runs; none that existed at the start is lost.</summary>
public sealed class LiveModeTests
{
    [Theory]
    [InlineData(3, 8)]
    [InlineData(7, 4)]
    [InlineData(1, 1)]
    public async Task NoConversationThatExistedAtTheStartIsLost(int arrivalsPerRequest, int maxConcurrency)
    {
        // Same seed, no arrivals: the conversations that exist at the start.
        await using var before = await StartAsync(1000);
        await using var live = await StartAsync(1000, o => o.Faults = new SandboxFaultOptions { LiveArrivalsPerRequest = arrivalsPerRequest });
        using var beforeClient = NewClient(before);
        var existing = await SequentialIdsAsync(beforeClient, WholeWindow(before));
        using var logs = new FakeLoggerProvider();
        using var loggerFactory = LoggerFactory.Create(b => b.AddProvider(logs).SetMinimumLevel(LogLevel.Debug));
        using var client = NewClient(live, o => o.MaxConcurrency = maxConcurrency, loggerFactory);

        var yielded = new List<Guid>();
        await foreach (var conversation in client.ExportAllConversationsAsync(WholeWindow(live)))
        {
            yielded.Add(conversation.ConversationId);
        }

        Assert.Equal(yielded.Count, yielded.Distinct().Count());
        Assert.Empty(existing.Except(yielded));
        Assert.True(yielded.Count > 1000, "some live arrivals are exported too");
        Assert.Contains(logs.Collector.GetSnapshot(), r => r.Id.Name == "RillaExportCountMismatch");
    }
}
