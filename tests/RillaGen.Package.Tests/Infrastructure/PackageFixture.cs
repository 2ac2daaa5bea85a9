using System.Globalization;

namespace RillaGen.Package.Tests.Infrastructure;

/// <summary>
/// Packs RillaGen once per test run, with a fresh version, into a local feed, and lays out an isolated
/// NuGet setup for consumer projects: a nuget.config that adds the feed, maps RillaGen to it alone and
/// every other package to the machine's own 'nuget.org' source, and a packages folder of its own.
/// </summary>
public sealed class PackageFixture : IAsyncLifetime
{
    public string WorkDirectory { get; } = Path.Combine(Path.GetTempPath(), "rillagen-package-tests", Guid.NewGuid().ToString("N"));

    public string Version { get; } = "0.0.0-ci." + DateTime.UtcNow.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture);

    public string FeedDirectory => Path.Combine(WorkDirectory, "feed");

    public string PackagesDirectory => Path.Combine(WorkDirectory, "packages");

    public string PackagePath => Path.Combine(FeedDirectory, $"RillaGen.{Version}.nupkg");

    public string SymbolsPackagePath => Path.Combine(FeedDirectory, $"RillaGen.{Version}.snupkg");

    internal CommandResult PackResult { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(FeedDirectory);
        PackResult = await DotnetCli.RunOkAsync(RepoPaths.Root,
        [
            "pack", RepoPaths.ClientProject, "-c", "Release", "-o", FeedDirectory, $"-p:Version={Version}", "-nodeReuse:false",
        ]);

        // Keeps the machine's sources (no <clear/>): 'nuget.org' is the key they are inherited by.
        await File.WriteAllTextAsync(Path.Combine(WorkDirectory, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <config>
                <add key="globalPackagesFolder" value="{PackagesDirectory}" />
              </config>
              <packageSources>
                <add key="rillagen-local" value="{FeedDirectory}" />
              </packageSources>
              <packageSourceMapping>
                <packageSource key="rillagen-local">
                  <package pattern="RillaGen" />
                </packageSource>
                <packageSource key="nuget.org">
                  <package pattern="*" />
                </packageSource>
              </packageSourceMapping>
            </configuration>
            """);
    }

    /// <summary>A new, empty folder for one consumer project, under the folder that holds the nuget.config.</summary>
    public string NewConsumerDirectory(string name)
    {
        var dir = Path.Combine(WorkDirectory, "consumers", name + "-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(dir);
        return dir;
    }

    public Task DisposeAsync()
    {
        try
        {
            Directory.Delete(WorkDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless; never fail a run over it.
        }

        return Task.CompletedTask;
    }
}

[CollectionDefinition(Name)]
public sealed class PackageTestGroup : ICollectionFixture<PackageFixture>
{
    public const string Name = "RillaGen package";
}
