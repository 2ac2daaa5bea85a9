using RillaGen.Sandbox;

namespace RillaGen.Cli.Sandbox;

/// <summary>Runs the export against an in-process RillaGen.Sandbox on loopback, so the CLI works with no key and no network.</summary>
internal sealed class SandboxHost : IAsyncDisposable
{
    private readonly RillaSandbox _sandbox;

    private SandboxHost(RillaSandbox sandbox)
    {
        _sandbox = sandbox;
    }

    public Uri BaseAddress => _sandbox.BaseAddress;

    public string ApiKey => _sandbox.Options.OrganizationKeys[0];

    public static async Task<SandboxHost> StartAsync(CancellationToken cancellationToken) =>
        new(await RillaSandbox.StartAsync(new RillaSandboxOptions(), cancellationToken).ConfigureAwait(false));

    public ValueTask DisposeAsync() => _sandbox.DisposeAsync();
}
