namespace RillaGen.Tests;

/// <summary>Finds files of the repository from the test's output folder.</summary>
internal static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Spec => Path.Combine(Root, "openapi", "rilla-export.yaml");

    public static string Reference => Path.Combine(Root, "openapi", "reference", "rilla-data-export-api.txt");

    /// <summary>The shared copy beside the repository, present in CI and on developers' machines.</summary>
    public static string SharedReference => Path.Combine(Root, "..", "shared", "reference", "rilla-data-export-api.txt");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "RillaGen.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("RillaGen.sln not found above " + AppContext.BaseDirectory);
    }
}
