using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Testing;
using RillaGen.Client.Tests.Support;
using RillaGen.Http;
using Xunit;

namespace RillaGen.Client.Tests.Unit;

/// <summary>The retry and timeout pipeline alone, over a scripted transport and a driven fake clock.</summary>
public sealed class RetryPolicyTests : IDisposable
{
    // Long enough never to fire unless a test wants it; the clock driver skips timers of this length.
    private static readonly TimeSpan NeverTimeout = TimeSpan.FromHours(1);

    private readonly DrivenTimeProvider _time = new();
    private readonly ScriptedHandler _script = new();
    private readonly List<RequestAttempts> _done = new();

    public void Dispose() => _script.Dispose();

    [Fact]
    public async Task RateLimitedWaitsExactlyTheRetryAfterSeconds()
    {
        _script.Then(HttpStatusCode.TooManyRequests, "slow down", configure: r => r.Headers.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromSeconds(7)))
            .ThenJson(Json.EmptyPage);
        var start = _time.GetUtcNow();

        using var response = await SendAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var attempts = Assert.Single(_done);
        Assert.Equal(2, attempts.Count);
        Assert.Equal(new[] { TimeSpan.FromSeconds(7) }, attempts.Delays);
        Assert.Equal(TimeSpan.FromSeconds(7), _time.GetUtcNow() - start);
    }

    [Fact]
    public async Task RetryAfterAsHttpDateIsMeasuredFromTheClock()
    {
        var retryAt = _time.GetUtcNow().AddSeconds(12);
        _script.Then(HttpStatusCode.ServiceUnavailable, "busy", configure: r => r.Headers.RetryAfter = new RetryConditionHeaderValue(retryAt))
            .ThenJson(Json.EmptyPage);

        using var response = await SendAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(new[] { TimeSpan.FromSeconds(12) }, Assert.Single(_done).Delays);
    }

    [Fact]
    public async Task RetryAfterLongerThanTheCapIsShortenedToTheCap()
    {
        _script.Then(HttpStatusCode.TooManyRequests, configure: r => r.Headers.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromSeconds(600)))
            .ThenJson(Json.EmptyPage);

        using var response = await SendAsync(o => o.MaxRetryAfter = TimeSpan.FromSeconds(10));

        Assert.Equal(new[] { TimeSpan.FromSeconds(10) }, Assert.Single(_done).Delays);
    }

    [Theory]
    [InlineData(HttpStatusCode.TooManyRequests)]
    [InlineData(HttpStatusCode.InternalServerError)]
    [InlineData(HttpStatusCode.BadGateway)]
    [InlineData(HttpStatusCode.ServiceUnavailable)]
    [InlineData(HttpStatusCode.GatewayTimeout)]
    public async Task TransientStatusesRetryWithBoundedBackoff(HttpStatusCode status)
    {
        _script.Then(status, "transient").Then(status, "transient").ThenJson(Json.EmptyPage);

        using var response = await SendAsync(o =>
        {
            o.RetryBaseDelay = TimeSpan.FromSeconds(1);
            o.RetryMaxDelay = TimeSpan.FromSeconds(20);
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var attempts = Assert.Single(_done);
        Assert.Equal(3, attempts.Count);
        Assert.Equal(2, attempts.Delays.Count);
        Assert.All(attempts.Delays, d => Assert.InRange(d, TimeSpan.FromTicks(1), TimeSpan.FromSeconds(20)));
    }

    [Theory]
    [InlineData(HttpStatusCode.BadRequest)]
    [InlineData(HttpStatusCode.Unauthorized)]
    [InlineData(HttpStatusCode.NotFound)]
    public async Task PermanentStatusesNeverRetry(HttpStatusCode status)
    {
        _script.Then(status, "permanent");

        using var response = await SendAsync();

        Assert.Equal(status, response.StatusCode);
        Assert.Equal(1, Assert.Single(_done).Count);
        Assert.Single(_script.Requests);
    }

    [Fact]
    public async Task TheRetryBudgetIsConfigurable()
    {
        _script.Then(HttpStatusCode.ServiceUnavailable).Then(HttpStatusCode.ServiceUnavailable).Then(HttpStatusCode.ServiceUnavailable);

        using var response = await SendAsync(o => o.MaxRetries = 2);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal(3, Assert.Single(_done).Count);
    }

    [Fact]
    public async Task ZeroRetriesMeansOneAttempt()
    {
        _script.Then(HttpStatusCode.InternalServerError);

        using var response = await SendAsync(o => o.MaxRetries = 0);

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Single(_script.Requests);
    }

    [Fact]
    public async Task ATruncatedJsonBodyRetriesTheWholeAttempt()
    {
        _script.ThenJson("""{"currentPage":1,"totalPages":1,"totalConversa""").ThenJson(Json.EmptyPage);

        using var response = await SendAsync();

        Assert.Equal(Json.EmptyPage, await response.Content.ReadAsStringAsync());
        Assert.Equal(2, Assert.Single(_done).Count);
    }

    [Fact]
    public async Task ABodyThatIsAlwaysTruncatedEndsInAnInvalidResponseError()
    {
        for (var i = 0; i < 3; i++)
        {
            _script.ThenJson("""{"conversations":[{"a":1},""");
        }

        var error = await Assert.ThrowsAsync<RillaApiException>(() => SendAsync(o => o.MaxRetries = 2));

        Assert.Equal(RillaErrorKind.InvalidResponse, error.Kind);
        Assert.True(error.IsTransient);
        Assert.Equal(3, _script.Requests.Count);
    }

    [Fact]
    public async Task NetworkFailuresAndAbortedBodiesRetry()
    {
        _script.Then((_, _) => throw new HttpRequestException("connection reset", new IOException("reset")))
            .Then((_, _) => Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new AbortingContent() }))
            .ThenJson(Json.EmptyPage);

        using var response = await SendAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(3, Assert.Single(_done).Count);
    }

    [Fact]
    public async Task NetworkFailuresOnEveryAttemptEndInANetworkError()
    {
        for (var i = 0; i < 2; i++)
        {
            _script.Then((_, _) => throw new HttpRequestException("connection refused"));
        }

        var error = await Assert.ThrowsAsync<RillaApiException>(() => SendAsync(o => o.MaxRetries = 1));

        Assert.Equal(RillaErrorKind.NetworkError, error.Kind);
        Assert.Contains("2 attempt", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnAttemptThatHangsTimesOutAndIsRetried()
    {
        _script.Then(async (_, ct) =>
            {
                await Task.Delay(Timeout.InfiniteTimeSpan, ct);
                throw new InvalidOperationException("unreachable");
            })
            .ThenJson(Json.EmptyPage);

        // Fire the first attempt's timeout only: the second attempt answers, and must not race its timer.
        var timeoutsToFire = 1;
        using var response = await SendAsync(o => o.AttemptTimeout = TimeSpan.FromSeconds(5), fire: due => due != TimeSpan.FromSeconds(5) || timeoutsToFire-- > 0);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, Assert.Single(_done).Count);
    }

    [Fact]
    public async Task AttemptsThatAlwaysHangEndInATimeoutError()
    {
        for (var i = 0; i < 2; i++)
        {
            _script.Then(async (_, ct) =>
            {
                await Task.Delay(Timeout.InfiniteTimeSpan, ct);
                throw new InvalidOperationException("unreachable");
            });
        }

        var error = await Assert.ThrowsAsync<RillaApiException>(() => SendAsync(o =>
        {
            o.AttemptTimeout = TimeSpan.FromSeconds(5);
            o.MaxRetries = 1;
        }, fire: _ => true));

        Assert.Equal(RillaErrorKind.Timeout, error.Kind);
    }

    [Fact]
    public async Task CancellationStopsAtOnceWithoutRetrying()
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _script.Then(async (_, ct) =>
        {
            started.SetResult();
            await Task.Delay(Timeout.InfiniteTimeSpan, ct);
            throw new InvalidOperationException("unreachable");
        });
        using var cancellation = new CancellationTokenSource();

        var sending = SendAsync(cancellationToken: cancellation.Token);
        await started.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => sending);
        Assert.Single(_script.Requests);
    }

    [Fact]
    public async Task LogsNameMethodPathStatusAttemptAndNeverTheKeyOrQuery()
    {
        var logger = new FakeLogger();
        _script.Then(HttpStatusCode.InternalServerError, "oops").ThenJson(Json.EmptyPage);

        using var response = await SendAsync(
            url: "https://example.test/export/conversations?X-Amz-Signature=abc%2Bdef",
            logger: logger);

        var lines = logger.Collector.GetSnapshot().Select(r => r.Message).ToList();
        Assert.Contains(lines, l => l.Contains("POST /export/conversations?REDACTED attempt 1: 500", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("POST /export/conversations?REDACTED attempt 2: 200", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("retrying in", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("Authorization=REDACTED", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Contains("secret-key-123", StringComparison.Ordinal) || l.Contains("abc%2Bdef", StringComparison.Ordinal));
    }

    private Task<HttpResponseMessage> SendAsync(
        Action<RillaClientOptions>? configure = null,
        Func<TimeSpan, bool>? fire = null,
        string url = "https://example.test/export/conversations",
        ILogger? logger = null,
        CancellationToken cancellationToken = default)
    {
        var options = new RillaClientOptions
        {
            ApiKey = "secret-key-123",
            TimeProvider = _time,
            AttemptTimeout = NeverTimeout,
            RetryBaseDelay = TimeSpan.FromMilliseconds(200),
        };
        configure?.Invoke(options);
        var handler = new RillaHttpPipelineHandler(options, new RillaHttpLog(logger ?? NullLogger.Instance), readWholeBody: true) { InnerHandler = _script };
        handler.Completed = _done.Add;
        var client = new HttpClient(handler);
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent("{}") };
        request.Headers.TryAddWithoutValidation("Authorization", "secret-key-123");
        return _time.DriveAsync(client.SendAsync(request, cancellationToken), fire ?? (due => due != NeverTimeout));
    }

    /// <summary>A body whose connection drops after the first bytes.</summary>
    private sealed class AbortingContent : HttpContent
    {
        public AbortingContent() => Headers.ContentType = new MediaTypeHeaderValue("application/json");

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            await stream.WriteAsync("{\"currentPage\""u8.ToArray());
            throw new IOException("The response ended prematurely.");
        }

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}
