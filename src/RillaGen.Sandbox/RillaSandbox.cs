using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using RillaGen.Sandbox.Api;
using RillaGen.Sandbox.Data;
using RillaGen.Sandbox.Media;

namespace RillaGen.Sandbox;

/// <summary>
/// A local Rilla Data Export API on Kestrel: the four endpoints, presigned media and optional faults,
/// over deterministic data generated from a seed.
/// </summary>
public sealed class RillaSandbox : IAsyncDisposable
{
    private readonly WebApplication _app;

    private RillaSandbox(WebApplication app, RillaSandboxOptions options, Uri baseAddress)
    {
        _app = app;
        Options = options;
        BaseAddress = baseAddress;
    }

    /// <summary>The base address the sandbox listens on, e.g. http://127.0.0.1:41234/.</summary>
    public Uri BaseAddress { get; }

    /// <summary>The options the sandbox runs with.</summary>
    public RillaSandboxOptions Options { get; }

    /// <summary>Starts a sandbox; with the default Urls it listens on a free loopback port.</summary>
    public static async Task<RillaSandbox> StartAsync(RillaSandboxOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new RillaSandboxOptions();
        if (options.ConversationCount < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.ConversationCount, "ConversationCount must not be negative.");
        }

        if (options.WindowEnd <= options.WindowStart)
        {
            throw new ArgumentOutOfRangeException(nameof(options), "WindowEnd must be after WindowStart.");
        }

        var source = new ConversationSource(options);
        var signer = new MediaSigner(options.TimeProvider, options.MediaUrlLifetime);
        var exportApi = new ExportApi(options, source, signer);
        var mediaApi = new MediaApi(options, source, signer);

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(RillaSandbox).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.WebHost.UseUrls(options.Urls);
        builder.Logging.ClearProviders();

        var app = builder.Build();
        app.MapPost("/export/conversations", exportApi.ExportConversationsAsync);
        app.MapGet("/export/conversations/{conversationId}", exportApi.GetConversationAsync);
        app.MapPost("/export/teams", exportApi.ExportTeamsAsync);
        app.MapPost("/export/users", exportApi.ExportUsersAsync);
        app.MapGet("/media/{conversationId}/audio.wav", mediaApi.AudioAsync);
        app.MapGet("/media/{conversationId}/transcript.json", mediaApi.TranscriptAsync);

        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new RillaSandbox(app, options, new Uri(address.TrimEnd('/') + "/"));
    }

    /// <summary>Completes when the sandbox stops (e.g. Ctrl+C in the standalone program).</summary>
    public Task WaitForShutdownAsync(CancellationToken cancellationToken = default) => _app.WaitForShutdownAsync(cancellationToken);

    /// <summary>The team ids of the generated organisation, for team-scoped keys.</summary>
    public IReadOnlyList<string> TeamIds() => new Organization(Options.Seed).Teams.Select(t => t.TeamId).ToList();

    /// <summary>Stops the server.</summary>
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
