using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Headers;
using Microsoft.Extensions.Logging;

namespace RillaGen.Http
{
    /// <summary>
    /// What the client logs about HTTP traffic, Azure.Core style: method, path, status, attempt and
    /// duration; header names always, header values only from an allow-list; never a query string
    /// (presigned URLs carry their signature there) and never the Authorization value.
    /// </summary>
    internal sealed class RillaHttpLog
    {
        internal const string CategoryName = "RillaGen.Http";

        private static readonly HashSet<string> AllowedHeaders = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            "Accept", "Content-Type", "Content-Length", "User-Agent", "Date", "Retry-After", "Server",
            "Transfer-Encoding", "Connection", "x-amzn-RequestId", "x-amz-request-id", "x-request-id",
        };

        private static readonly Action<ILogger, string, string, int, int, long, Exception?> AttemptCompleted =
            LoggerMessage.Define<string, string, int, int, long>(LogLevel.Debug, new EventId(1, "RillaHttpAttempt"), "Rilla {Method} {Path} attempt {Attempt}: {StatusCode} in {ElapsedMs} ms");

        private static readonly Action<ILogger, string, string, int, long, string, Exception?> AttemptFailed =
            LoggerMessage.Define<string, string, int, long, string>(LogLevel.Debug, new EventId(2, "RillaHttpAttemptFailed"), "Rilla {Method} {Path} attempt {Attempt} failed after {ElapsedMs} ms: {Failure}");

        private static readonly Action<ILogger, string, string, long, int, string, Exception?> Retrying =
            LoggerMessage.Define<string, string, long, int, string>(LogLevel.Warning, new EventId(3, "RillaHttpRetry"), "Rilla {Method} {Path}: retrying in {DelayMs} ms after attempt {Attempt} ({Reason})");

        private static readonly Action<ILogger, string, string, string, string, Exception?> Headers =
            LoggerMessage.Define<string, string, string, string>(LogLevel.Trace, new EventId(4, "RillaHttpHeaders"), "Rilla {Method} {Path} {Direction} headers: {Headers}");

        private static readonly char[] QuerySeparator = { '?' };

        private readonly ILogger _logger;

        internal RillaHttpLog(ILogger logger)
        {
            _logger = logger;
        }

        /// <summary>The request's path, with any query string replaced.</summary>
        internal static string SafePath(Uri? uri)
        {
            if (uri is null)
            {
                return "(no uri)";
            }

            if (!uri.IsAbsoluteUri)
            {
                var parts = uri.OriginalString.Split(QuerySeparator, 2);
                return parts.Length == 1 ? parts[0] : parts[0] + "?" + SecretRedactor.Redacted;
            }

            return uri.AbsolutePath + (string.IsNullOrEmpty(uri.Query) ? string.Empty : "?" + SecretRedactor.Redacted);
        }

        internal void Completed(string method, string path, int attempt, int status, long elapsedMs) =>
            AttemptCompleted(_logger, method, path, attempt, status, elapsedMs, null);

        internal void Failed(string method, string path, int attempt, long elapsedMs, Exception exception)
        {
            // Describing the failure runs a regex over its message: not worth it when nobody listens.
            if (_logger.IsEnabled(LogLevel.Debug))
            {
                AttemptFailed(_logger, method, path, attempt, elapsedMs, Describe(exception), null);
            }
        }

        internal void Retry(string method, string path, TimeSpan delay, int attempt, string reason) =>
            Retrying(_logger, method, path, (long)delay.TotalMilliseconds, attempt, reason, null);

        internal void RequestHeaders(string method, string path, HttpRequestMessage request)
        {
            if (_logger.IsEnabled(LogLevel.Trace))
            {
                Headers(_logger, method, path, "request", Format(request.Headers, request.Content?.Headers), null);
            }
        }

        internal void ResponseHeaders(string method, string path, HttpResponseMessage response)
        {
            if (_logger.IsEnabled(LogLevel.Trace))
            {
                Headers(_logger, method, path, "response", Format(response.Headers, response.Content?.Headers), null);
            }
        }

        /// <summary>An exception's type and message, with URL queries removed.</summary>
        internal static string Describe(Exception exception) =>
            exception.GetType().Name + ": " + SecretRedactor.RedactText(exception.Message);

        private static string Format(HttpHeaders headers, HttpHeaders? contentHeaders)
        {
            var all = contentHeaders is null ? headers : headers.Concat(contentHeaders);
            return string.Join("; ", all.Select(h => h.Key + "=" + (AllowedHeaders.Contains(h.Key) ? string.Join(",", h.Value) : SecretRedactor.Redacted)));
        }
    }
}
