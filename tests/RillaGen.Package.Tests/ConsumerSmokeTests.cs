using RillaGen.Package.Tests.Infrastructure;

namespace RillaGen.Package.Tests;

/// <summary>
/// A fresh consumer restores RillaGen from the local feed only, builds, gets the RILLA warnings from the
/// same PackageReference, applies the code fixes with dotnet format, and exports from the sandbox.
/// </summary>
[Collection(PackageTestGroup.Name)]
public sealed class ConsumerSmokeTests(PackageFixture package)
{
    [SkippableTheory]
    [InlineData("net8.0")]
    [InlineData("net10.0")]
    public async Task PackageConsumerBuildsWarnsFixesAndExports(string targetFramework)
    {
        var consumer = ConsumerProject.Create(package, targetFramework);
        var notRun = new List<string>();

        var build = await consumer.BuildAsync();
        Assert.True(build.ExitCode == 0, build.ToString());
        Assert.True(File.Exists(consumer.OutputAssembly), build.ToString());
        AssertRestoredFromLocalFeed();
        AnalyzerAssertions.NoWarnings(build, "RILLAPKG001");

        if (SandboxHost.IsAvailable)
        {
            var run = await SandboxHost.WithSandboxAsync(consumer.RunAsync);
            Assert.True(run.ExitCode == 0, run.ToString());
            Assert.Matches(@"exported [1-9]\d* of \d+ conversations \(page 1 of \d+\)", run.Output);
        }
        else
        {
            notRun.Add(RepoPaths.NoSandboxMessage);
        }

        if (RepoPaths.HasAnalyzers)
        {
            AnalyzerAssertions.WarningsAtMarkedLines(build, consumer.MistakesFile, "RILLA001", "RILLA002", "RILLA003");

            var format = await consumer.FormatAsync("RILLA001", "RILLA003");
            Assert.True(format.ExitCode == 0, format.ToString());
            AnalyzerAssertions.MistakesFixed(consumer.MistakesFile);

            var rebuild = await consumer.BuildAsync();
            Assert.True(rebuild.ExitCode == 0, rebuild.ToString());
            AnalyzerAssertions.NoWarnings(rebuild, "RILLA001", "RILLA003");
            AnalyzerAssertions.WarningsAtMarkedLines(rebuild, consumer.MistakesFile, "RILLA002");
        }
        else
        {
            notRun.Add(RepoPaths.NoAnalyzersMessage);
        }

        Skip.If(notRun.Count > 0, "Compiled and checked the rest; not run: " + string.Join(" ", notRun));
    }

    /// <summary>RillaGen came from the test's feed into the test's own packages folder, nowhere else.</summary>
    private void AssertRestoredFromLocalFeed()
    {
        var restored = Path.Combine(package.PackagesDirectory, "rillagen", package.Version);
        Assert.True(File.Exists(Path.Combine(restored, $"rillagen.{package.Version}.nupkg")), $"RillaGen {package.Version} is not in {package.PackagesDirectory}");
        var metadata = File.ReadAllText(Path.Combine(restored, ".nupkg.metadata"));
        Assert.Contains(package.FeedDirectory.Replace("\\", "\\\\", StringComparison.Ordinal), metadata, StringComparison.Ordinal);
    }
}
