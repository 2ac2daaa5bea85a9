using System;
using System.Net.Http;

namespace RillaGen.Http
{
    /// <summary>Reads a Retry-After header, in seconds or as an HTTP date.</summary>
    internal static class RetryAfter
    {
        /// <summary>The delay the server asked for, capped at <paramref name="cap"/>; null if it asked for none.</summary>
        internal static TimeSpan? Read(HttpResponseMessage? response, DateTimeOffset now, TimeSpan cap)
        {
            var header = response?.Headers.RetryAfter;
            if (header is null)
            {
                return null;
            }

            TimeSpan? delay = header.Delta ?? (header.Date is { } date ? date - now : null);
            if (delay is null)
            {
                return null;
            }

            if (delay.Value < TimeSpan.Zero)
            {
                return TimeSpan.Zero;
            }

            return delay.Value > cap ? cap : delay.Value;
        }
    }
}
