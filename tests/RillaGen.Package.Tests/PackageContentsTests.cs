using System.Text.Json;
using NuGet.Frameworks;
using NuGet.Packaging;
using RillaGen.Package.Tests.Infrastructure;

namespace RillaGen.Package.Tests;

/// <summary>What is inside RillaGen.nupkg: the client per framework, the analyzers, the guard, metadata and dependencies.</summary>
[Collection(PackageTestGroup.Name)]
public sealed class PackageContentsTests(PackageFixture package)
{
    private static readonly string[] ClientFrameworks = ["netstandard2.0", "net8.0"];

    private static readonly string[] AnalyzerFiles =
    [
        "analyzers/dotnet/roslyn4.8/cs/RillaGen.Analyzers.dll",
        "analyzers/dotnet/roslyn4.8/cs/RillaGen.Analyzers.CodeFixes.dll",
    ];

    [Fact]
    public void PackageHoldsTheClientPerFrameworkTheGuardAndTheReadmeAndNothingElse()
    {
        using var reader = new PackageArchiveReader(package.PackagePath);
        var files = reader.GetFiles().Where(f => !IsPackagingPart(f)).Order(StringComparer.Ordinal).ToList();

        var expected = new List<string>
        {
            "README.md",
            "RillaGen.nuspec",
            "build/RillaGen.targets",
            "buildTransitive/RillaGen.targets",
        };
        expected.AddRange(ClientFrameworks.SelectMany(tfm => new[] { $"lib/{tfm}/RillaGen.dll", $"lib/{tfm}/RillaGen.xml" }));
        if (RepoPaths.HasAnalyzers)
        {
            expected.AddRange(AnalyzerFiles);
        }

        Assert.Equal(expected.Order(StringComparer.Ordinal), files);
    }

    [SkippableFact]
    public void AnalyzersShipUnderRoslyn48AndNowhereInLib()
    {
        Skip.IfNot(RepoPaths.HasAnalyzers, RepoPaths.NoAnalyzersMessage);
        using var reader = new PackageArchiveReader(package.PackagePath);
        var files = reader.GetFiles().ToList();

        Assert.All(AnalyzerFiles, f => Assert.Contains(f, files));
        Assert.DoesNotContain(files, f => f.StartsWith("lib/", StringComparison.Ordinal) && f.Contains("Analyzers", StringComparison.Ordinal));
        Assert.DoesNotContain(reader.GetPackageDependencies().SelectMany(g => g.Packages), d => d.Id.StartsWith("RillaGen", StringComparison.Ordinal));
    }

    [Fact]
    public void XmlDocsDocumentTheGeneratedClient()
    {
        using var reader = new PackageArchiveReader(package.PackagePath);
        foreach (var tfm in ClientFrameworks)
        {
            using var stream = reader.GetStream($"lib/{tfm}/RillaGen.xml");
            using var text = new StreamReader(stream);
            var xml = text.ReadToEnd();
            Assert.Contains("M:RillaGen.RillaExportClient.ExportConversationsAsync(RillaGen.ExportConversationsRequest)", xml, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void NuspecCarriesLicenseReadmeRepositoryAndTheFreshVersion()
    {
        using var reader = new PackageArchiveReader(package.PackagePath);
        var nuspec = reader.NuspecReader;

        Assert.Equal("RillaGen", nuspec.GetId());
        Assert.Equal(package.Version, nuspec.GetVersion().ToNormalizedString());
        Assert.Equal("MIT", nuspec.GetLicenseMetadata()?.License);
        Assert.Equal("README.md", nuspec.GetReadme());
        Assert.Equal("git", nuspec.GetRepositoryMetadata().Type);
        Assert.Matches("^[0-9a-f]{40}$", nuspec.GetRepositoryMetadata().Commit);
        Assert.False(string.IsNullOrWhiteSpace(nuspec.GetDescription()));
    }

    [Fact]
    public void SymbolsPackageHoldsAPdbPerFramework()
    {
        using var reader = new PackageArchiveReader(package.SymbolsPackagePath);
        var files = reader.GetFiles().ToList();
        Assert.All(ClientFrameworks, tfm => Assert.Contains($"lib/{tfm}/RillaGen.pdb", files));
    }

    [Fact]
    public async Task DependenciesAreExactlyTheClientsRuntimePackages()
    {
        using var reader = new PackageArchiveReader(package.PackagePath);
        var groups = reader.GetPackageDependencies().ToList();
        Assert.Equal(ClientFrameworks.Order(StringComparer.Ordinal), groups.Select(g => g.TargetFramework.GetShortFolderName()).Order(StringComparer.Ordinal));

        foreach (var group in groups)
        {
            var tfm = group.TargetFramework.GetShortFolderName();
            var runtimePackages = await RuntimePackageReferencesAsync(tfm);
            Assert.Equal(runtimePackages, group.Packages.Select(p => p.Id).Order(StringComparer.Ordinal));
            Assert.DoesNotContain(group.Packages, p => IsBuildOnly(p.Id));
        }
    }

    private static bool IsBuildOnly(string id) =>
        id.StartsWith("NSwag", StringComparison.OrdinalIgnoreCase)
        || id.StartsWith("Microsoft.CodeAnalysis", StringComparison.OrdinalIgnoreCase)
        || id.StartsWith("Microsoft.SourceLink", StringComparison.OrdinalIgnoreCase)
        || id.StartsWith("RillaGen", StringComparison.OrdinalIgnoreCase);

    private static bool IsPackagingPart(string path) =>
        path.StartsWith("_rels/", StringComparison.Ordinal)
        || path.StartsWith("package/", StringComparison.Ordinal)
        || path == "[Content_Types].xml";

    /// <summary>The client project's PackageReferences for one framework, less the build-only ones (PrivateAssets=all).</summary>
    private static async Task<IReadOnlyList<string>> RuntimePackageReferencesAsync(string tfm)
    {
        var result = await DotnetCli.RunOkAsync(RepoPaths.Root,
            ["msbuild", RepoPaths.ClientProject, $"-p:TargetFramework={tfm}", "-getItem:PackageReference", "-nodeReuse:false"]);
        using var json = JsonDocument.Parse(result.Output[result.Output.IndexOf('{', StringComparison.Ordinal)..]);
        return json.RootElement.GetProperty("Items").GetProperty("PackageReference").EnumerateArray()
            .Where(item => !string.Equals(item.TryGetProperty("PrivateAssets", out var assets) ? assets.GetString() : null, "all", StringComparison.OrdinalIgnoreCase))
            .Select(item => item.GetProperty("Identity").GetString()!)
            .Order(StringComparer.Ordinal)
            .ToList();
    }
}
