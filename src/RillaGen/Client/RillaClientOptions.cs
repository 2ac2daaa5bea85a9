using System;
using Microsoft.Extensions.Logging;
using RillaGen.Metadata;

namespace RillaGen
{
    /// <summary>Settings for <see cref="RillaExportClient"/>. Bind them from configuration or set them in code.</summary>
    public sealed class RillaClientOptions
    {
        /// <summary>The default API host.</summary>
        public static readonly Uri DefaultBaseAddress = new Uri("https://customer.rillavoice.com");

        /// <summary>The raw API key, sent as the Authorization header with no prefix. Required.</summary>
        [ApiKey]
        public string? ApiKey { get; set; }

        /// <summary>The API host. HTTPS is required except on loopback (for the sandbox).</summary>
        public Uri BaseAddress { get; set; } = DefaultBaseAddress;

        /// <summary>How many times a transient failure is retried (0 turns retries off). Default 4.</summary>
        public int MaxRetries { get; set; } = 4;

        /// <summary>The first retry's delay; later ones grow exponentially, with jitter. Default 500 ms.</summary>
        public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMilliseconds(500);

        /// <summary>The longest computed backoff delay. Default 30 s.</summary>
        public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromSeconds(30);

        /// <summary>The longest Retry-After the client honours; a longer one is shortened to this. Default 60 s.</summary>
        public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromSeconds(60);

        /// <summary>How long one attempt (request and full response body) may take before it is retried. Default 30 s.</summary>
        public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(30);

        /// <summary>How many pages <see cref="RillaExportClient.ExportAllConversationsAsync"/> fetches at once. Default 8.</summary>
        public int MaxConcurrency { get; set; } = 8;

        /// <summary>The clock for retry delays, timeouts and URL expiry; tests pass a fake one.</summary>
        public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

        /// <summary>Where the client logs when constructed without DI; with DI the container's factory is used.</summary>
        public ILoggerFactory? LoggerFactory { get; set; }

        internal RillaClientOptions Clone() => (RillaClientOptions)MemberwiseClone();
    }
}
