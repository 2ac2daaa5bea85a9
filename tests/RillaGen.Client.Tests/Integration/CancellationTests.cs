using RillaGen.Sandbox;
using Xunit;
using static RillaGen.Client.Tests.Integration.SandboxClientFactory;

namespace RillaGen.Client.Tests.Integration;

/// <summary>Every async method stops when its token fires, without waiting for what is in flight.</summary>
public sealed class CancellationTests
{
    [Fact]
    public async Task CancellingThePagerStopsItAndTheRequestsInFlight()
    {
        await using var sandbox = await StartAsync(2000, o => o.Faults = new SandboxFaultOptions { Latency = TimeSpan.FromMilliseconds(200) });
        using var client = NewClient(sandbox, o => o.MaxConcurrency = 8);
        using var cancellation = new CancellationTokenSource();
        var yielded = 0;

        var run = Task.Run(async () =>
        {
            await foreach (var _ in client.ExportAllConversationsAsync(WholeWindow(sandbox), cancellation.Token))
            {
                if (++yielded == 60)
                {
                    await cancellation.CancelAsync();
                }
            }
        });

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run.WaitAsync(TimeSpan.FromSeconds(60)));
        // Nothing more is yielded once the token fires, even from pages already fetched.
        Assert.Equal(60, yielded);
    }

    [Fact]
    public async Task WithCancellationOnTheEnumerableWorksToo()
    {
        await using var sandbox = await StartAsync(500, o => o.Faults = new SandboxFaultOptions { Latency = TimeSpan.FromMilliseconds(100) });
        using var client = NewClient(sandbox);
        using var cancellation = new CancellationTokenSource();

        var yielded = 0;
        var error = await Record.ExceptionAsync(async () =>
        {
            await foreach (var _ in client.ExportAllConversationsAsync(WholeWindow(sandbox)).WithCancellation(cancellation.Token))
            {
                if (++yielded == 1)
                {
                    await cancellation.CancelAsync();
                }
            }
        });

        Assert.IsAssignableFrom<OperationCanceledException>(error);
        Assert.Equal(1, yielded);
    }

    [Fact]
    public async Task BreakingOutOfThePagerEndsItCleanly()
    {
        await using var sandbox = await StartAsync(2000, o => o.Faults = new SandboxFaultOptions { Latency = TimeSpan.FromMilliseconds(100) });
        using var client = NewClient(sandbox);

        var yielded = 0;
        await foreach (var _ in client.ExportAllConversationsAsync(WholeWindow(sandbox)))
        {
            if (++yielded == 75)
            {
                break;
            }
        }

        Assert.Equal(75, yielded);
        // The client is still usable after the abandoned in-flight pages.
        Assert.Equal(2000, (await client.ExportConversationsAsync(WholeWindow(sandbox), CancellationToken.None)).TotalConversations);
    }

    [Fact]
    public async Task CancellingASingleCallStopsItPromptly()
    {
        await using var sandbox = await StartAsync(50, o => o.Faults = new SandboxFaultOptions { Latency = TimeSpan.FromSeconds(30) });
        using var client = NewClient(sandbox);
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        var call = client.GetConversationAsync(Guid.NewGuid(), cancellation.Token);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call.WaitAsync(TimeSpan.FromSeconds(20)));
    }
}
