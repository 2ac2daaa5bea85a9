namespace RillaGen.Cli.Sandbox;

/// <summary>Runs the export against an in-process RillaGen.Sandbox, so the CLI works with no key and no network.</summary>
internal sealed class SandboxHost : IAsyncDisposable
{
    private SandboxHost(Uri baseAddress, string apiKey)
    {
        BaseAddress = baseAddress;
        ApiKey = apiKey;
    }

    public Uri BaseAddress { get; }

    public string ApiKey { get; }

    public static Task<SandboxHost> StartAsync(CancellationToken cancellationToken)
    {
        _ = cancellationToken;
        _ = new SandboxHost(new Uri("http://127.0.0.1/"), string.Empty);
        throw CliException.Config("--sandbox: this build has no RillaGen.Sandbox yet.");
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
