using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using RillaGen.Client.Tests.Support;
using RillaGen.Sandbox;
using Xunit;
using static RillaGen.Client.Tests.Integration.SandboxClientFactory;

namespace RillaGen.Client.Tests.Integration;

/// <summary>Fault runs against the sandbox: the pager still yields exactly the conversations that exist.</summary>
public sealed class ResilienceTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public async Task EveryFaultKindStillYieldsExactlyTotalConversationsUniqueConversations(int faultSeed)
    {
        await using var clean = await StartAsync(1200);
        await using var faulty = await StartAsync(1200, o => o.Faults = new SandboxFaultOptions
        {
            Seed = faultSeed,
            ServerErrorRate = 0.1,
            RateLimitRate = 0.1,
            RetryAfterSeconds = 1,
            AbortRate = 0.1,
            TruncateRate = 0.1,
            Latency = TimeSpan.FromMilliseconds(10),
            MaxConsecutiveFaultsPerRequest = 2,
        });
        using var cleanClient = NewClient(clean);
        using var logs = new FakeLoggerProvider();
        using var loggerFactory = LoggerFactory.Create(b => b.AddProvider(logs).SetMinimumLevel(LogLevel.Trace));
        using var client = NewClient(faulty, o => o.MaxRetries = 4, loggerFactory);
        var expected = (await SequentialIdsAsync(cleanClient, WholeWindow(clean))).ToHashSet();

        var ids = new List<Guid>();
        await foreach (var conversation in client.ExportAllConversationsAsync(WholeWindow(faulty)))
        {
            ids.Add(conversation.ConversationId);
        }

        Assert.Equal(1200, ids.Count);
        Assert.Equal(1200, ids.Distinct().Count());
        Assert.True(expected.SetEquals(ids));
        // The run did meet faults: the retries were logged.
        var messages = logs.Collector.GetSnapshot().Select(r => r.Message).ToList();
        Assert.Contains(messages, m => m.Contains("retrying in", StringComparison.Ordinal) && m.Contains("status 500", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.Contains("retrying in", StringComparison.Ordinal) && m.Contains("status 429", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.Contains("retrying in", StringComparison.Ordinal) && m.Contains("InvalidResponseBodyException", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ASlowDripIsReadWholeWithinTheAttempt()
    {
        await using var sandbox = await StartAsync(120, o => o.Faults = new SandboxFaultOptions { DripDelay = TimeSpan.FromMilliseconds(1) });
        using var client = NewClient(sandbox);

        var count = 0;
        await foreach (var _ in client.ExportAllConversationsAsync(WholeWindow(sandbox)))
        {
            count++;
        }

        Assert.Equal(120, count);
    }

    [Fact]
    public async Task ABodySlowerThanTheAttemptTimeoutEndsInATimeoutError()
    {
        await using var sandbox = await StartAsync(50, o => o.Faults = new SandboxFaultOptions { DripDelay = TimeSpan.FromSeconds(2) });
        using var client = NewClient(sandbox, o =>
        {
            o.AttemptTimeout = TimeSpan.FromMilliseconds(300);
            o.MaxRetries = 1;
        });

        var error = await Assert.ThrowsAsync<RillaApiException>(() => client.ExportConversationsAsync(WholeWindow(sandbox), CancellationToken.None));

        Assert.Equal(RillaErrorKind.Timeout, error.Kind);
    }

    [Fact]
    public async Task RateLimitsWaitTheRetryAfterOnTheClientsClock()
    {
        await using var sandbox = await StartAsync(50, o => o.Faults = new SandboxFaultOptions { RateLimitRate = 1, RetryAfterSeconds = 3, MaxConsecutiveFaultsPerRequest = 100 });
        var time = new DrivenTimeProvider();
        var logger = new FakeLogger();
        using var loggerFactory = LoggerFactory.Create(b => b.AddProvider(new SingleLoggerProvider(logger)).SetMinimumLevel(LogLevel.Trace));
        var neverTimeout = TimeSpan.FromHours(1);
        using var client = NewClient(sandbox, o =>
        {
            o.TimeProvider = time;
            o.AttemptTimeout = neverTimeout;
            o.MaxRetries = 2;
        }, loggerFactory);
        var start = time.GetUtcNow();

        var error = await Assert.ThrowsAsync<RillaApiException>(() =>
            time.DriveAsync(client.ExportTeamsAsync(new ExportTeamsRequest { FromDate = sandbox.Options.WindowStart, ToDate = sandbox.Options.WindowEnd }, CancellationToken.None), due => due != neverTimeout));

        Assert.Equal(RillaErrorKind.RateLimited, error.Kind);
        Assert.Equal(TimeSpan.FromSeconds(6), time.GetUtcNow() - start);
        Assert.Equal(2, logger.Collector.GetSnapshot().Count(r => r.Message.Contains("retrying in 3000 ms", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task TheDependencyInjectionClientRetriesThroughTheFactory()
    {
        await using var sandbox = await StartAsync(300, o => o.Faults = new SandboxFaultOptions { ServerErrorRate = 0.3, AbortRate = 0.2, MaxConsecutiveFaultsPerRequest = 2 });
        var services = new ServiceCollection().AddLogging();
        services.AddRillaExportClient(o =>
        {
            o.ApiKey = ApiKey;
            o.BaseAddress = sandbox.BaseAddress;
            o.RetryBaseDelay = TimeSpan.FromMilliseconds(10);
        });
        await using var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredService<IRillaExportClient>();

        var ids = new HashSet<Guid>();
        await foreach (var conversation in client.ExportAllConversationsAsync(WholeWindow(sandbox)))
        {
            Assert.True(ids.Add(conversation.ConversationId));
        }

        Assert.Equal(300, ids.Count);
    }

    [Fact]
    public async Task ACallerSuppliedHttpClientCarriesEveryAttemptIncludingRetriesAndMedia()
    {
        await using var sandbox = await StartAsync(250, o => o.Faults = new SandboxFaultOptions { ServerErrorRate = 0.2, TruncateRate = 0.2, MaxConsecutiveFaultsPerRequest = 2 });
        using var transport = new CountingHandler { InnerHandler = new SocketsHttpHandler() };
        using var http = new HttpClient(transport);
        using var client = new RillaExportClient(new RillaClientOptions { ApiKey = ApiKey, BaseAddress = sandbox.BaseAddress, RetryBaseDelay = TimeSpan.FromMilliseconds(10) }, http);

        var ids = new HashSet<Guid>();
        ConversationsExport? first = null;
        await foreach (var conversation in client.ExportAllConversationsAsync(WholeWindow(sandbox)))
        {
            first ??= conversation;
            Assert.True(ids.Add(conversation.ConversationId));
        }

        using var audio = new MemoryStream();
        await client.DownloadAudioAsync(first!, audio);

        Assert.Equal(250, ids.Count);
        Assert.True(audio.Length > 0);
        // 5 pages plus one media request, and the retries the faults caused: all through the supplied client.
        Assert.True(transport.Count > 6, $"expected retries through the supplied HttpClient, saw {transport.Count} requests");
    }

    private sealed class CountingHandler : DelegatingHandler
    {
        private int _count;

        public int Count => _count;

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _count);
            return base.SendAsync(request, cancellationToken);
        }
    }

    private sealed class SingleLoggerProvider(FakeLogger logger) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => logger;

        public void Dispose()
        {
        }
    }
}
