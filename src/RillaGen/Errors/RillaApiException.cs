using System;
using System.Collections.Generic;

namespace RillaGen
{
    /// <summary>
    /// The Rilla API answered with an error. <see cref="StatusCode"/> and <see cref="ServerMessage"/>
    /// say what the server said; <see cref="Kind"/> classifies it. The message never holds the API key
    /// or a presigned URL's signature.
    /// </summary>
    public partial class RillaApiException : Exception
    {
        /// <summary>Creates the exception; the generated client calls this for every non-success status.</summary>
        public RillaApiException(string message, int statusCode, string? response, IReadOnlyDictionary<string, IEnumerable<string>> headers, Exception? innerException)
            : base(ComposeMessage(message, statusCode, response), innerException)
        {
            StatusCode = statusCode;
            ServerMessage = response is null ? null : SecretRedactor.RedactText(response);
            Headers = headers;
            Kind = Classify(statusCode, innerException);
        }

        private RillaApiException(string message, RillaErrorKind kind, Exception innerException)
            : base(message, innerException)
        {
            StatusCode = 0;
            Headers = NoHeaders;
            Kind = kind;
        }

        /// <summary>The HTTP status code.</summary>
        public int StatusCode { get; }

        /// <summary>The server's plain-text error body, with any presigned URL signature removed.</summary>
        public string? ServerMessage { get; }

        /// <summary>The response headers.</summary>
        public IReadOnlyDictionary<string, IEnumerable<string>> Headers { get; }

        /// <summary>The kind of failure, from the status code.</summary>
        public RillaErrorKind Kind { get; }

        /// <summary>True when retrying later may succeed (429, 5xx, network failures and timeouts).</summary>
        public bool IsTransient => Kind is RillaErrorKind.RateLimited or RillaErrorKind.ServerError or RillaErrorKind.NetworkError or RillaErrorKind.Timeout or RillaErrorKind.InvalidResponse;

        /// <summary>The exception's text with every URL query string removed, so no presigned signature leaks.</summary>
        public override string ToString() => SecretRedactor.RedactText(base.ToString());

        private static readonly IReadOnlyDictionary<string, IEnumerable<string>> NoHeaders = new Dictionary<string, IEnumerable<string>>();

        /// <summary>The retries ran out on a failure that had no HTTP status: network, timeout or a broken body.</summary>
        internal static RillaApiException ForTransportFailure(string method, string path, int attempts, Exception failure)
        {
            var kind = failure switch
            {
                Polly.Timeout.TimeoutRejectedException => RillaErrorKind.Timeout,
                OperationCanceledException => RillaErrorKind.Timeout,
                Http.InvalidResponseBodyException => RillaErrorKind.InvalidResponse,
                Newtonsoft.Json.JsonException => RillaErrorKind.InvalidResponse,
                _ => RillaErrorKind.NetworkError,
            };
            var what = kind switch
            {
                RillaErrorKind.Timeout => "timed out",
                RillaErrorKind.InvalidResponse => "returned an incomplete or malformed body",
                _ => "failed at the network level",
            };
            var message = $"Rilla {method} {path} {what} on all {attempts} attempt(s); last failure: {Http.RillaHttpLog.Describe(failure)}";
            return new RillaApiException(message, kind, failure);
        }

        internal static RillaErrorKind Classify(int statusCode, Exception? innerException = null) => statusCode switch
        {
            200 when innerException is Newtonsoft.Json.JsonException => RillaErrorKind.InvalidResponse,
            400 => RillaErrorKind.BadRequest,
            401 => RillaErrorKind.Unauthorized,
            404 => RillaErrorKind.NotFound,
            429 => RillaErrorKind.RateLimited,
            >= 500 and <= 599 => RillaErrorKind.ServerError,
            _ => RillaErrorKind.Unexpected,
        };

        private static string ComposeMessage(string message, int statusCode, string? response)
        {
            var text = $"Rilla API returned {statusCode}: {SecretRedactor.RedactText(message)}";
            if (!string.IsNullOrWhiteSpace(response))
            {
                text += $" Server said: {SecretRedactor.RedactText(Truncate(response!.Trim(), 500))}";
            }

            if (statusCode == 401)
            {
                text += " Send the raw API key in the Authorization header, with no prefix such as 'Bearer '.";
            }

            return text;
        }

        private static string Truncate(string value, int max) => value.Length <= max ? value : value.Remove(max) + "…";
    }

    /// <summary>A <see cref="RillaApiException"/> that also carries the typed error body.</summary>
    /// <typeparam name="TResult">The type of the error body; the spec's errors are plain strings.</typeparam>
    public partial class RillaApiException<TResult> : RillaApiException
    {
        /// <summary>Creates the exception; the generated client calls this for typed error responses.</summary>
        public RillaApiException(string message, int statusCode, string? response, IReadOnlyDictionary<string, IEnumerable<string>> headers, TResult result, Exception? innerException)
            : base(message, statusCode, response, headers, innerException)
        {
            Result = result;
        }

        /// <summary>The typed error body.</summary>
        public TResult Result { get; }
    }
}
