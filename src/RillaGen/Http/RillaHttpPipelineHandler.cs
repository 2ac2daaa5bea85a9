using System;
using System.IO;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Polly;

namespace RillaGen.Http
{
    /// <summary>
    /// Runs each request through the resilience pipeline and logs every attempt. For API calls an
    /// attempt covers the whole response body: it is read and checked to be complete JSON inside the
    /// attempt, so an aborted or truncated body is retried like a 5xx, and the per-attempt timeout
    /// also bounds a slow body. Media downloads stream, so for them an attempt ends at the headers.
    /// </summary>
    internal sealed class RillaHttpPipelineHandler : DelegatingHandler
    {
        private readonly ResiliencePipeline<HttpResponseMessage> _pipeline;
        private readonly RillaHttpLog _log;
        private readonly TimeProvider _time;
        private readonly bool _readWholeBody;
        private readonly string? _apiKey;

        internal RillaHttpPipelineHandler(RillaClientOptions options, RillaHttpLog log, bool readWholeBody)
        {
            _pipeline = RillaResiliencePipeline.Create(options, log);
            _log = log;
            _time = options.TimeProvider;
            _readWholeBody = readWholeBody;
            _apiKey = options.ApiKey;
        }

        /// <summary>Test hook: called with each request's bookkeeping once it is done.</summary>
        internal Action<RequestAttempts>? Completed { get; set; }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var attempts = new RequestAttempts(request, request.Method.Method, RillaHttpLog.SafePath(request.RequestUri));
            var context = ResilienceContextPool.Shared.Get(cancellationToken);
            context.Properties.Set(RillaResiliencePipeline.AttemptsKey, attempts);
            try
            {
                var outcome = await _pipeline.ExecuteOutcomeAsync(
                    static async (ctx, state) =>
                    {
                        try
                        {
                            return Outcome.FromResult(await state.handler.AttemptAsync(state.attempts, ctx.CancellationToken).ConfigureAwait(false));
                        }
                        catch (Exception exception)
                        {
                            return Outcome.FromException<HttpResponseMessage>(exception);
                        }
                    },
                    context,
                    (handler: this, attempts)).ConfigureAwait(false);

                if (outcome.Exception is { } exception)
                {
                    if (!cancellationToken.IsCancellationRequested && TransientFailures.IsTransient(exception))
                    {
                        throw RillaApiException.ForTransportFailure(attempts.Method, attempts.Path, attempts.Count, exception);
                    }

                    System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(exception).Throw();
                }

                return outcome.Result!;
            }
            finally
            {
                ResilienceContextPool.Shared.Return(context);
                Completed?.Invoke(attempts);
            }
        }

        private async Task<HttpResponseMessage> AttemptAsync(RequestAttempts attempts, CancellationToken cancellationToken)
        {
            attempts.Count++;
            var started = _time.GetTimestamp();
            HttpResponseMessage? response = null;
            try
            {
                _log.RequestHeaders(attempts.Method, attempts.Path, attempts.Request);
                response = await base.SendAsync(attempts.Request, cancellationToken).ConfigureAwait(false);
                if (_readWholeBody)
                {
                    await ReadWholeBodyAsync(response, cancellationToken).ConfigureAwait(false);
                }

                _log.Completed(attempts.Method, attempts.Path, attempts.Count, (int)response.StatusCode, ElapsedMs(started));
                _log.ResponseHeaders(attempts.Method, attempts.Path, response);
                return response;
            }
            catch (Exception exception)
            {
                response?.Dispose();
                _log.Failed(attempts.Method, attempts.Path, attempts.Count, ElapsedMs(started), exception);
                throw;
            }
        }

        private long ElapsedMs(long started) => (long)_time.GetElapsedTime(started).TotalMilliseconds;

        private async Task ReadWholeBodyAsync(HttpResponseMessage response, CancellationToken cancellationToken)
        {
            var content = response.Content;
            if (content is null)
            {
                return;
            }

            PooledBodyContent buffered;
#if NET5_0_OR_GREATER
            using (var body = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false))
#else
            using (var body = await content.ReadAsStreamAsync().ConfigureAwait(false))
#endif
            {
                buffered = await PooledBodyContent.ReadAsync(body, content.Headers.ContentLength, cancellationToken).ConfigureAwait(false);
            }

            HttpContent replacement = buffered;
            try
            {
                if (response.IsSuccessStatusCode && IsJson(content))
                {
                    EnsureCompleteJson(buffered.Buffer, buffered.Count);
                }
                else if (!response.IsSuccessStatusCode && !string.IsNullOrEmpty(_apiKey))
                {
                    // An error body that echoes the key must not carry it into an exception message.
                    var text = Encoding.UTF8.GetString(buffered.Buffer, 0, buffered.Count);
                    if (text.Contains(_apiKey!))
                    {
                        replacement = new ByteArrayContent(Encoding.UTF8.GetBytes(text.Replace(_apiKey!, SecretRedactor.Redacted)));
                        buffered.Dispose();
                    }
                }
            }
            catch
            {
                buffered.Dispose();
                throw;
            }

            foreach (var header in content.Headers)
            {
                if (!string.Equals(header.Key, "Content-Length", StringComparison.OrdinalIgnoreCase))
                {
                    replacement.Headers.TryAddWithoutValidation(header.Key, header.Value);
                }
            }

            content.Dispose();
            response.Content = replacement;
        }

        private static bool IsJson(HttpContent content)
        {
            var mediaType = content.Headers.ContentType?.MediaType;
            return mediaType is null || mediaType.EndsWith("json", StringComparison.OrdinalIgnoreCase);
        }

        /// <summary>A body cut short (truncated, or aborted with a lying Content-Length) fails the attempt, so it is retried.</summary>
        private static void EnsureCompleteJson(byte[] bytes, int count)
        {
            if (JsonCompleteness.Problem(bytes, count) is { } problem)
            {
                throw new InvalidResponseBodyException($"The response body is not complete JSON ({count} bytes): {problem}.", null);
            }
        }
    }
}
