using System;
using System.Net.Http;
using System.Threading.Tasks;
using Polly;
using Polly.Retry;

namespace RillaGen.Http
{
    /// <summary>
    /// Builds the Polly pipeline every request runs in: retry (exponential backoff with jitter,
    /// Retry-After honoured up to a cap) around a per-attempt timeout.
    /// </summary>
    internal static class RillaResiliencePipeline
    {
        internal static readonly ResiliencePropertyKey<RequestAttempts> AttemptsKey = new ResiliencePropertyKey<RequestAttempts>("RillaGen.Attempts");

        internal static ResiliencePipeline<HttpResponseMessage> Create(RillaClientOptions options, RillaHttpLog log)
        {
            var timeProvider = options.TimeProvider;
            var builder = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = timeProvider };
            if (options.MaxRetries > 0)
            {
                builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
                {
                    MaxRetryAttempts = options.MaxRetries,
                    BackoffType = DelayBackoffType.Exponential,
                    UseJitter = true,
                    Delay = options.RetryBaseDelay,
                    MaxDelay = options.RetryMaxDelay,
                    ShouldHandle = args => new ValueTask<bool>(ShouldRetry(args.Outcome)),
                    DelayGenerator = args => new ValueTask<TimeSpan?>(RetryAfter.Read(args.Outcome.Result, timeProvider.GetUtcNow(), options.MaxRetryAfter)),
                    OnRetry = args =>
                    {
                        if (args.Context.Properties.TryGetValue(AttemptsKey, out var attempts))
                        {
                            attempts.Delays.Add(args.RetryDelay);
                            log.Retry(attempts.Method, attempts.Path, args.RetryDelay, args.AttemptNumber + 1, Reason(args.Outcome));
                        }

                        return default;
                    },
                });
            }

            builder.AddTimeout(options.AttemptTimeout);
            return builder.Build();
        }

        internal static bool ShouldRetry(Outcome<HttpResponseMessage> outcome) =>
            outcome.Exception is { } exception
                ? TransientFailures.IsTransient(exception)
                : outcome.Result is { } response && TransientFailures.IsTransientStatus((int)response.StatusCode);

        private static string Reason(Outcome<HttpResponseMessage> outcome) =>
            outcome.Exception is { } exception ? RillaHttpLog.Describe(exception) : "status " + (int)outcome.Result!.StatusCode;
    }

    /// <summary>Per-request bookkeeping the pipeline's callbacks share.</summary>
    internal sealed class RequestAttempts
    {
        internal RequestAttempts(HttpRequestMessage request, string method, string path)
        {
            Request = request;
            Method = method;
            Path = path;
        }

        internal HttpRequestMessage Request { get; }

        internal string Method { get; }

        internal string Path { get; }

        internal int Count { get; set; }

        /// <summary>The delays the retry strategy chose, in order.</summary>
        internal System.Collections.Generic.List<TimeSpan> Delays { get; } = new System.Collections.Generic.List<TimeSpan>();
    }
}
