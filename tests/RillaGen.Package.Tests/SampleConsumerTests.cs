using RillaGen.Package.Tests.Infrastructure;

namespace RillaGen.Package.Tests;

/// <summary>
/// The in-repo consumer, samples/RillaGen.Sample: it references the client project and the analyzers
/// directly, sees the same RILLA warnings as a package user, and runs an export against the sandbox.
/// </summary>
[Collection(PackageTestGroup.Name)]
public sealed class SampleConsumerTests(PackageFixture package)
{
    [SkippableFact]
    public async Task InRepoSampleWarnsFixesAndExports()
    {
        var notRun = new List<string>();

        if (SandboxHost.IsAvailable)
        {
            var run = await SandboxHost.WithSandboxAsync(baseAddress => DotnetCli.RunAsync(RepoPaths.Root,
                ["run", "--project", RepoPaths.SampleProject, "-nodeReuse:false"],
                new Dictionary<string, string> { ["RILLA_BASE_URL"] = baseAddress.ToString(), ["RILLA_API_KEY"] = SandboxHost.ApiKey }));
            Assert.True(run.ExitCode == 0, run.ToString());
            Assert.Matches(@"Page 1 of \d+: [1-9]\d* of \d+ conversations\.", run.Output);
        }
        else
        {
            notRun.Add(RepoPaths.NoSandboxMessage);
        }

        Skip.IfNot(RepoPaths.HasAnalyzers, string.Join(" ", [.. notRun, RepoPaths.NoAnalyzersMessage]));

        // The sample compiles an extra file of mistakes, kept outside the repository so the fix cannot touch it.
        var mistakes = Path.Combine(package.NewConsumerDirectory("sample-mistakes"), "ApiMistakes.cs");
        File.Copy(Path.Combine(RepoPaths.Assets, "ApiMistakes.cs"), mistakes);
        var extraFile = new Dictionary<string, string> { ["RillaSampleExtraCompile"] = mistakes };
        // Incremental is enough here: the extra file is new on every run, so the compiler always runs.
        string[] build = ["build", RepoPaths.SampleProject, "-nodeReuse:false", "-p:TreatWarningsAsErrors=false"];

        var first = await DotnetCli.RunAsync(RepoPaths.Root, build, extraFile);
        Assert.True(first.ExitCode == 0, first.ToString());
        AnalyzerAssertions.WarningsAtMarkedLines(first, mistakes, "RILLA001", "RILLA002", "RILLA003");

        var format = await DotnetCli.RunAsync(RepoPaths.Root, ["format", "analyzers", RepoPaths.SampleProject, "--diagnostics", "RILLA001", "RILLA003"], extraFile);
        Assert.True(format.ExitCode == 0, format.ToString());
        AnalyzerAssertions.MistakesFixed(mistakes);

        var second = await DotnetCli.RunAsync(RepoPaths.Root, build, extraFile);
        Assert.True(second.ExitCode == 0, second.ToString());
        AnalyzerAssertions.NoWarnings(second, "RILLA001", "RILLA003");

        Skip.If(notRun.Count > 0, "Checked the warnings and fixes; not run: " + string.Join(" ", notRun));
    }
}
