using System;
using System.Threading;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using System.Net.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RillaGen;
using RillaGen.Http;

namespace Microsoft.Extensions.DependencyInjection
{
    /// <summary>Registers <see cref="IRillaExportClient"/> with IHttpClientFactory.</summary>
    public static class RillaServiceCollectionExtensions
    {
        /// <summary>The IHttpClientFactory name of the API client.</summary>
        public const string ApiHttpClientName = "RillaGen.Api";

        /// <summary>The IHttpClientFactory name of the media client, which never sends Authorization.</summary>
        public const string MediaHttpClientName = "RillaGen.Media";

        /// <summary>
        /// Adds <see cref="IRillaExportClient"/> and <see cref="RillaExportClient"/>, with options bound
        /// from <paramref name="configuration"/> (e.g. the "Rilla" section) and validated at start.
        /// </summary>
        public static IServiceCollection AddRillaExportClient(this IServiceCollection services, IConfiguration configuration)
        {
            Guard.NotNull(configuration, nameof(configuration));
            Guard.NotNull(services, nameof(services)).AddOptions<RillaClientOptions>().Bind(configuration);
            return AddCore(services);
        }

        /// <summary>Adds <see cref="IRillaExportClient"/> and <see cref="RillaExportClient"/>, configured in code and validated at start.</summary>
        public static IServiceCollection AddRillaExportClient(this IServiceCollection services, Action<RillaClientOptions> configure)
        {
            Guard.NotNull(configure, nameof(configure));
            Guard.NotNull(services, nameof(services)).AddOptions<RillaClientOptions>().Configure(configure);
            return AddCore(services);
        }

        private static IServiceCollection AddCore(IServiceCollection services)
        {
            services.AddOptions<RillaClientOptions>().ValidateOnStart();
            services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<RillaClientOptions>, RillaClientOptionsValidator>());

            AddHttpClient(services, ApiHttpClientName, readWholeBody: true);
            AddHttpClient(services, MediaHttpClientName, readWholeBody: false);

            services.TryAddTransient(provider =>
            {
                var options = provider.GetRequiredService<IOptions<RillaClientOptions>>().Value.Clone();
                var factory = provider.GetRequiredService<IHttpClientFactory>();
                var loggerFactory = provider.GetService<ILoggerFactory>() ?? Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance;
                var parts = new RillaClientParts(options, factory.CreateClient(ApiHttpClientName), factory.CreateClient(MediaHttpClientName), loggerFactory.CreateLogger<RillaExportClient>(), Array.Empty<IDisposable>());
                return new RillaExportClient(parts);
            });
            services.TryAddTransient<IRillaExportClient>(provider => provider.GetRequiredService<RillaExportClient>());
            return services;
        }

        private static void AddHttpClient(IServiceCollection services, string name, bool readWholeBody)
        {
            services.AddHttpClient(name, client => client.Timeout = Timeout.InfiniteTimeSpan)
                // The factory's default loggers write full URLs, which for media include the presigned signature.
                .RemoveAllLoggers()
                .AddHttpMessageHandler(provider =>
                {
                    var options = provider.GetRequiredService<IOptions<RillaClientOptions>>().Value.Clone();
                    var loggerFactory = provider.GetService<ILoggerFactory>() ?? Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance;
                    return new RillaHttpPipelineHandler(options, new RillaHttpLog(loggerFactory.CreateLogger(RillaHttpLog.CategoryName)), readWholeBody);
                });
        }
    }
}
