using System;
using System.Net.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Newtonsoft.Json;
using RillaGen.Http;

namespace RillaGen
{
    /// <summary>
    /// The Rilla Data Export API client: the generated operations plus authentication, retries,
    /// validation, logging, auto-pagination and media downloads.
    /// </summary>
    public partial class RillaExportClient : IDisposable
    {
        private const string EmptyConversationPath = "export/conversations/00000000-0000-0000-0000-000000000000";

        private static readonly string UserAgent = "RillaGen/" + typeof(RillaExportClient).Assembly.GetName().Version;

        private RillaClientOptions? _options;
        private HttpClient? _mediaHttpClient;
        private ILogger _logger = NullLogger.Instance;
        private IDisposable[] _owned = Array.Empty<IDisposable>();

        /// <summary>Creates a client with its own connection pool. Dispose it when done.</summary>
        /// <param name="options">The API key and settings; copied, so later changes have no effect.</param>
        /// <exception cref="ArgumentException">An option is invalid; the message names it.</exception>
        public RillaExportClient(RillaClientOptions options)
            : this(RillaClientParts.Create(options, null))
        {
        }

        /// <summary>
        /// Creates a client that sends through <paramref name="httpClient"/> (its handler, proxy and
        /// timeout apply to each attempt). The client adds the API key per request, so
        /// <paramref name="httpClient"/> must not carry a default Authorization header.
        /// </summary>
        /// <exception cref="ArgumentException">An option is invalid, or the HttpClient has a default Authorization header.</exception>
        public RillaExportClient(RillaClientOptions options, HttpClient httpClient)
            : this(RillaClientParts.Create(options, httpClient ?? throw new ArgumentNullException(nameof(httpClient))))
        {
        }

        internal RillaExportClient(RillaClientParts parts)
            : this((parts ?? throw new ArgumentNullException(nameof(parts))).ApiHttpClient)
        {
            _options = parts.Options;
            _mediaHttpClient = parts.MediaHttpClient;
            _logger = parts.Logger;
            _owned = parts.Owned;
            BaseUrl = parts.Options.BaseAddress.ToString();
        }

        /// <summary>The settings this client was built with (a copy); null for the raw generated constructor.</summary>
        internal RillaClientOptions? Options => _options;

        /// <summary>Releases the connection pools this client created; a supplied or factory HttpClient is left alone.</summary>
        public void Dispose()
        {
            Dispose(true);
            GC.SuppressFinalize(this);
        }

        /// <summary>Releases owned resources.</summary>
        protected virtual void Dispose(bool disposing)
        {
            if (disposing)
            {
                foreach (var owned in _owned)
                {
                    owned.Dispose();
                }

                _owned = Array.Empty<IDisposable>();
            }
        }

        partial void Initialize()
        {
            _instanceSettings = ValidatingSettings.Value;
        }

        partial void PrepareRequest(HttpClient client, HttpRequestMessage request, string url)
        {
            if (request.Method == HttpMethod.Get && url.EndsWith(EmptyConversationPath, StringComparison.OrdinalIgnoreCase))
            {
                RequestValidator.ValidateConversationId(Guid.Empty);
            }

            if (_options is not null)
            {
                request.Headers.TryAddWithoutValidation("Authorization", _options.ApiKey);
            }

            request.Headers.TryAddWithoutValidation("User-Agent", UserAgent);
        }

        private static readonly Lazy<JsonSerializerSettings> ValidatingSettings = new Lazy<JsonSerializerSettings>(() =>
        {
            var settings = new JsonSerializerSettings();
            UpdateJsonSerializerSettings(settings);
            settings.ContractResolver = ValidatingContractResolver.Instance;
            return settings;
        });
    }

    /// <summary>What a client is built from: the HttpClients, the validated options and the logger.</summary>
    internal sealed class RillaClientParts
    {
        internal RillaClientParts(RillaClientOptions options, HttpClient apiHttpClient, HttpClient mediaHttpClient, ILogger logger, IDisposable[] owned)
        {
            Options = options;
            ApiHttpClient = apiHttpClient;
            MediaHttpClient = mediaHttpClient;
            Logger = logger;
            Owned = owned;
        }

        internal RillaClientOptions Options { get; }

        internal HttpClient ApiHttpClient { get; }

        internal HttpClient MediaHttpClient { get; }

        internal ILogger Logger { get; }

        internal IDisposable[] Owned { get; }

        /// <summary>Builds the clients for the non-DI constructors.</summary>
        internal static RillaClientParts Create(RillaClientOptions options, HttpClient? transport)
        {
            RillaClientOptionsValidator.ThrowIfInvalid(options);
            if (transport?.DefaultRequestHeaders.Authorization is not null || (transport?.DefaultRequestHeaders.Contains("Authorization") ?? false))
            {
                throw new ArgumentException("httpClient.DefaultRequestHeaders must not contain Authorization: the client adds the API key per request, and media downloads must never send it.", nameof(transport));
            }

            var snapshot = options.Clone();
            var loggerFactory = snapshot.LoggerFactory ?? NullLoggerFactory.Instance;
            var api = new HttpClient(CreateHandler(snapshot, loggerFactory, transport, readWholeBody: true), disposeHandler: true) { Timeout = System.Threading.Timeout.InfiniteTimeSpan };
            var media = new HttpClient(CreateHandler(snapshot, loggerFactory, transport, readWholeBody: false), disposeHandler: true) { Timeout = System.Threading.Timeout.InfiniteTimeSpan };
            return new RillaClientParts(snapshot, api, media, loggerFactory.CreateLogger<RillaExportClient>(), new IDisposable[] { api, media });
        }

        /// <summary>The client's own handler: the pipeline, over the supplied HttpClient or a new connection pool.</summary>
        internal static RillaHttpPipelineHandler CreateHandler(RillaClientOptions options, ILoggerFactory loggerFactory, HttpClient? transport, bool readWholeBody)
        {
            var log = new RillaHttpLog(loggerFactory.CreateLogger(RillaHttpLog.CategoryName));
            HttpMessageHandler inner = transport is null ? CreateConnectionPool() : new HttpClientForwardingHandler(transport);
            return new RillaHttpPipelineHandler(options, log, readWholeBody) { InnerHandler = inner };
        }

#if NET5_0_OR_GREATER
        private static SocketsHttpHandler CreateConnectionPool()
        {
            // A bounded connection lifetime picks up DNS changes in a long-lived client.
            return new SocketsHttpHandler
            {
                PooledConnectionLifetime = TimeSpan.FromMinutes(5),
                AutomaticDecompression = System.Net.DecompressionMethods.GZip | System.Net.DecompressionMethods.Deflate,
            };
        }
#else
        private static HttpClientHandler CreateConnectionPool()
        {
            return new HttpClientHandler
            {
                AutomaticDecompression = System.Net.DecompressionMethods.GZip | System.Net.DecompressionMethods.Deflate,
            };
        }
#endif
    }
}
