namespace RillaGen.Cli.Sandbox;

/// <summary>Stands in for the in-process sandbox in a build without RillaGen.Sandbox.</summary>
internal sealed class SandboxHost : IAsyncDisposable
{
    public Uri BaseAddress => throw new NotSupportedException();

    public string ApiKey => throw new NotSupportedException();

    public static Task<SandboxHost> StartAsync(CancellationToken cancellationToken) =>
        throw CliException.Config("--sandbox: this build has no RillaGen.Sandbox.");

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
