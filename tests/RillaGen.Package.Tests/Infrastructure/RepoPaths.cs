namespace RillaGen.Package.Tests.Infrastructure;

/// <summary>Where things are in the repository these tests run from.</summary>
internal static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string ClientProject => Path.Combine(Root, "src", "RillaGen", "RillaGen.csproj");

    public static string SampleProject => Path.Combine(Root, "samples", "RillaGen.Sample", "RillaGen.Sample.csproj");

    public static string Spec => Path.Combine(Root, "openapi", "rilla-export.yaml");

    public static string Assets => Path.Combine(AppContext.BaseDirectory, "Assets");

    /// <summary>Whether the analyzer projects are in this checkout (the RILLA assertions need them).</summary>
    public static bool HasAnalyzers =>
        File.Exists(Path.Combine(Root, "src", "RillaGen.Analyzers", "RillaGen.Analyzers.csproj"))
        && File.Exists(Path.Combine(Root, "src", "RillaGen.Analyzers.CodeFixes", "RillaGen.Analyzers.CodeFixes.csproj"));

    public const string NoAnalyzersMessage =
        "The analyzer projects (src/RillaGen.Analyzers, src/RillaGen.Analyzers.CodeFixes) are not in this checkout yet; the RILLA warning checks run once they are.";

    public const string NoSandboxMessage =
        "src/RillaGen.Sandbox is not in this checkout yet; the export run against the sandbox runs once it is.";

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "RillaGen.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No RillaGen.sln above '{AppContext.BaseDirectory}': run the tests from the repository.");
    }
}
