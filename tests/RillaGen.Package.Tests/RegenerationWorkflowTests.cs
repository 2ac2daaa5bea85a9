using RillaGen.Package.Tests.Infrastructure;

namespace RillaGen.Package.Tests;

/// <summary>
/// The workflow of docs/regenerating.md on a copy of the repository: edit the spec (one field added, one
/// removed, one deprecated), build, review the public API and spec-diff, acknowledge, build again.
/// </summary>
[Collection(PackageTestGroup.Name)]
public sealed class RegenerationWorkflowTests
{
    private const string RemovedGetter = "RillaGen.ConversationsExport.JobNumber.get -> string!";
    private const string AddedGetter = "RillaGen.Tracker.TrackerCategory.get -> string?";

    [SkippableFact]
    public async Task SpecChangeRegeneratesFlagsTheRemovalAndLightsRILLA001ForTheDeprecation()
    {
        using var repo = RepoCopy.Create();
        ReleaseCurrentApi(repo);
        var oldSpec = Path.Combine(repo.Root, "rilla-export.previous.yaml");
        File.Copy(repo.Spec, oldSpec);
        File.WriteAllText(repo.Spec, SpecEdits.AddRemoveDeprecate(File.ReadAllText(repo.Spec)));

        // Review 1: spec-diff names the changes for the release notes and calls the removal breaking.
        var diff = await DotnetCli.RunAsync(RepoPaths.Root,
            ["run", "--project", Path.Combine(RepoPaths.Root, "build", "SpecDiff"), "--", oldSpec, repo.Spec, "--fail-on-breaking"]);
        Assert.True(diff.ExitCode == 1, diff.ToString());
        Assert.Contains("BREAKING: Removed field 'jobNumber' (string) from ConversationsExport.", diff.Output, StringComparison.Ordinal);
        Assert.Contains("Added optional field 'trackerCategory' (string) to Tracker.", diff.Output, StringComparison.Ordinal);
        Assert.Contains("Deprecated field 'title' of ConversationsExport.", diff.Output, StringComparison.Ordinal);

        // Build: the client is regenerated; the public API check fails on both the removal and the addition.
        var build = await BuildClientAsync(repo);
        Assert.NotEqual(0, build.ExitCode);
        var generated = File.ReadAllText(repo.GeneratedClient);
        Assert.Contains("public string? TrackerCategory { get; set; }", generated, StringComparison.Ordinal);
        Assert.DoesNotContain("JobNumber", generated, StringComparison.Ordinal);
        Assert.Contains(BuildDiagnostics.Parse(build.Output), d => d.Id == "RS0017" && d.Message.Contains(RemovedGetter, StringComparison.Ordinal));
        Assert.Contains(BuildDiagnostics.Parse(build.Output), d => d.Id == "RS0016" && d.Message.Contains(AddedGetter, StringComparison.Ordinal));

        // Review 2: record the additions; they appear as a diff of PublicAPI.Unshipped.txt.
        var record = await DotnetCli.RunAsync(repo.Root, ["format", "analyzers", repo.ClientProject, "--diagnostics", "RS0016", "--include-generated"]);
        Assert.True(record.ExitCode == 0, record.ToString());
        Assert.Contains(AddedGetter, File.ReadAllLines(repo.UnshippedApi));

        // The breaking removal still fails the build until it is acknowledged.
        var stillBreaking = await BuildClientAsync(repo);
        Assert.NotEqual(0, stillBreaking.ExitCode);
        var remaining = BuildDiagnostics.Parse(stillBreaking.Output).Where(d => d.Severity == "error").Select(d => d.Id).Distinct().ToList();
        Assert.Equal(["RS0017"], remaining);

        AcknowledgeRemovals(repo, "RillaGen.ConversationsExport.JobNumber.");
        var acknowledged = await BuildClientAsync(repo);
        Assert.True(acknowledged.ExitCode == 0, acknowledged.ToString());

        // The deprecation lights RILLA001 through the metadata attribute, with no change to the analyzer.
        Skip.IfNot(RepoPaths.HasAnalyzers, "Checked regeneration, spec-diff and the public API; " + RepoPaths.NoAnalyzersMessage);
        var consumer = WriteInRepoConsumer(repo);
        var consumerBuild = await DotnetCli.RunAsync(repo.Root, ["build", consumer, "-nodeReuse:false", "-p:TreatWarningsAsErrors=false"]);
        Assert.True(consumerBuild.ExitCode == 0, consumerBuild.ToString());
        AnalyzerAssertions.WarningsAtMarkedLines(consumerBuild, Path.Combine(Path.GetDirectoryName(consumer)!, "UsesTitle.cs"), "RILLA001");
    }

    private static Task<CommandResult> BuildClientAsync(RepoCopy repo) =>
        DotnetCli.RunAsync(repo.Root, ["build", repo.ClientProject, "-nodeReuse:false"]);

    /// <summary>What a release does: everything unshipped becomes shipped.</summary>
    private static void ReleaseCurrentApi(RepoCopy repo)
    {
        var unshipped = File.ReadAllLines(repo.UnshippedApi).Where(l => l.Length > 0 && !l.StartsWith('#'));
        File.AppendAllLines(repo.ShippedApi, unshipped);
        File.WriteAllText(repo.UnshippedApi, "#nullable enable\n");
        Assert.Contains(RemovedGetter, File.ReadAllLines(repo.ShippedApi));
    }

    /// <summary>How a maintainer accepts a removal: *REMOVED* lines in Unshipped, for the symbols gone from Shipped.</summary>
    private static void AcknowledgeRemovals(RepoCopy repo, string symbolPrefix)
    {
        var shipped = File.ReadAllLines(repo.ShippedApi).ToList();
        var removed = shipped.Where(l => l.StartsWith(symbolPrefix, StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(removed);
        File.AppendAllLines(repo.UnshippedApi, removed.Select(l => "*REMOVED*" + l));
    }

    private static string WriteInRepoConsumer(RepoCopy repo)
    {
        var dir = Path.Combine(repo.Root, "samples", "Regenerated.Consumer");
        Directory.CreateDirectory(dir);
        var project = Path.Combine(dir, "Regenerated.Consumer.csproj");
        File.WriteAllText(project, """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
              </PropertyGroup>
              <ItemGroup>
                <ProjectReference Include="../../src/RillaGen/RillaGen.csproj" />
                <ProjectReference Include="../../src/RillaGen.Analyzers/RillaGen.Analyzers.csproj" OutputItemType="Analyzer" ReferenceOutputAssembly="false" />
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(dir, "UsesTitle.cs"), """
            public static class UsesTitle
            {
                public static string Of(RillaGen.ConversationsExport conversation) =>
                    conversation.Title; // expect: RILLA001
            }
            """);
        return project;
    }
}
