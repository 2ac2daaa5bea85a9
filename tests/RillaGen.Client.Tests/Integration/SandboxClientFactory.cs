using Microsoft.Extensions.Logging;
using RillaGen.Sandbox;

namespace RillaGen.Client.Tests.Integration;

/// <summary>Starts sandboxes and clients for the integration tests; everything goes over loopback HTTP.</summary>
internal static class SandboxClientFactory
{
    public const string ApiKey = "demo-key";

    public static Task<RillaSandbox> StartAsync(int conversations, Action<RillaSandboxOptions>? configure = null)
    {
        var options = new RillaSandboxOptions { ConversationCount = conversations, Seed = 7 };
        configure?.Invoke(options);
        return RillaSandbox.StartAsync(options);
    }

    public static RillaExportClient NewClient(RillaSandbox sandbox, Action<RillaClientOptions>? configure = null, ILoggerFactory? loggerFactory = null)
    {
        var options = new RillaClientOptions
        {
            ApiKey = ApiKey,
            BaseAddress = sandbox.BaseAddress,
            RetryBaseDelay = TimeSpan.FromMilliseconds(20),
            RetryMaxDelay = TimeSpan.FromMilliseconds(200),
            // Generous: the machine is shared and slow; a timeout here would only make a retry.
            AttemptTimeout = TimeSpan.FromSeconds(60),
            LoggerFactory = loggerFactory,
        };
        configure?.Invoke(options);
        return new RillaExportClient(options);
    }

    public static ExportConversationsRequest WholeWindow(RillaSandbox sandbox) => new()
    {
        FromDate = sandbox.Options.WindowStart,
        ToDate = sandbox.Options.WindowEnd,
    };

    /// <summary>The reference's loop, one page after another, as the ground truth to compare with.</summary>
    public static async Task<List<Guid>> SequentialIdsAsync(RillaExportClient client, ExportConversationsRequest request)
    {
        var ids = new List<Guid>();
        var page = 1;
        var totalPages = 1;
        while (page <= totalPages)
        {
            request.Page = page;
            var response = await client.ExportConversationsAsync(request, CancellationToken.None);
            ids.AddRange(response.Conversations.Select(c => c.ConversationId));
            totalPages = response.TotalPages;
            page++;
        }

        request.Page = 1;
        return ids;
    }
}
