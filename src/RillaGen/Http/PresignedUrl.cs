using System;
using System.Globalization;

namespace RillaGen.Http
{
    /// <summary>
    /// Presigned media URLs: their expiry, and a <see cref="Uri"/> that sends the query byte-exact
    /// (re-escaping it, e.g. %2B to +, would break the signature).
    /// </summary>
    internal static class PresignedUrl
    {
        // Treat a URL as expired slightly early, so it does not expire in flight.
        private static readonly TimeSpan ClockSkew = TimeSpan.FromSeconds(30);

        internal static Uri ToUri(string url)
        {
#if NET6_0_OR_GREATER
            return new Uri(url, new UriCreationOptions { DangerousDisablePathAndQueryCanonicalization = true });
#else
            return new Uri(url, UriKind.Absolute);
#endif
        }

        /// <summary>
        /// True when the URL says it has expired: S3 SigV4 (X-Amz-Date + X-Amz-Expires) or an
        /// Expires=unix-seconds parameter. A URL that says neither is tried, and a 403 refreshes it.
        /// </summary>
        internal static bool HasExpired(string url, DateTimeOffset now)
        {
            var expiry = ExpiresAt(url);
            return expiry is not null && now >= expiry.Value - ClockSkew;
        }

        internal static DateTimeOffset? ExpiresAt(string url)
        {
            var queryStart = url.IndexOf('?');
            if (queryStart < 0)
            {
                return null;
            }

            string? amzDate = null;
            string? amzExpires = null;
            string? expires = null;
            foreach (var pair in url.Substring(queryStart + 1).Split('&'))
            {
                var equals = pair.IndexOf('=');
                if (equals <= 0)
                {
                    continue;
                }

                var name = pair.Substring(0, equals);
                var value = Uri.UnescapeDataString(pair.Substring(equals + 1));
                if (name.Equals("X-Amz-Date", StringComparison.OrdinalIgnoreCase))
                {
                    amzDate = value;
                }
                else if (name.Equals("X-Amz-Expires", StringComparison.OrdinalIgnoreCase))
                {
                    amzExpires = value;
                }
                else if (name.Equals("Expires", StringComparison.OrdinalIgnoreCase))
                {
                    expires = value;
                }
            }

            if (amzDate is not null && amzExpires is not null
                && DateTimeOffset.TryParseExact(amzDate, "yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var signedAt)
                && long.TryParse(amzExpires, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
            {
                return signedAt.AddSeconds(seconds);
            }

            if (expires is not null && long.TryParse(expires, NumberStyles.None, CultureInfo.InvariantCulture, out var unixSeconds))
            {
                return DateTimeOffset.FromUnixTimeSeconds(unixSeconds);
            }

            return null;
        }
    }
}
