using System;
using System.IO;
using System.Net.Http;
using Newtonsoft.Json;
using Polly.Timeout;

namespace RillaGen.Http
{
    /// <summary>Which outcomes of one attempt are worth another try.</summary>
    internal static class TransientFailures
    {
        internal static bool IsTransientStatus(int status) => status is 429 or 500 or 502 or 503 or 504;

        internal static bool IsTransient(Exception exception) => exception switch
        {
            HttpRequestException => true,
            IOException => true,
            TimeoutRejectedException => true,
            InvalidResponseBodyException => true,
            JsonException => true,
            // HttpClient.Timeout of a caller-supplied client surfaces as a cancellation caused by a TimeoutException.
            OperationCanceledException canceled => canceled.InnerException is TimeoutException,
            _ => false,
        };
    }

    /// <summary>A 200 response whose JSON body was cut short or malformed; the whole attempt is retried.</summary>
    internal sealed class InvalidResponseBodyException : Exception
    {
        public InvalidResponseBodyException(string message, Exception? innerException)
            : base(message, innerException)
        {
        }
    }
}
