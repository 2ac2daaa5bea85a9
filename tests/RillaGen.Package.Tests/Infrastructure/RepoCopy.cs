namespace RillaGen.Package.Tests.Infrastructure;

/// <summary>A copy of the parts of the repository that build the client, to change the spec without touching the real one.</summary>
internal sealed class RepoCopy : IDisposable
{
    private static readonly string[] RootFiles = ["Directory.Build.props", "Directory.Packages.props", "global.json", "nuget.config", ".editorconfig"];
    private static readonly string[] Folders = ["build", "openapi", "src/RillaGen", "src/RillaGen.Analyzers", "src/RillaGen.Analyzers.CodeFixes"];

    private RepoCopy(string root) => Root = root;

    public string Root { get; }

    public string ClientProject => Path.Combine(Root, "src", "RillaGen", "RillaGen.csproj");

    public string Spec => Path.Combine(Root, "openapi", "rilla-export.yaml");

    public string ShippedApi => Path.Combine(Root, "src", "RillaGen", "PublicAPI.Shipped.txt");

    public string UnshippedApi => Path.Combine(Root, "src", "RillaGen", "PublicAPI.Unshipped.txt");

    public string GeneratedClient => Path.Combine(Root, "src", "RillaGen", "obj", "Debug", "net8.0", "RillaExportClient.g.cs");

    public static RepoCopy Create()
    {
        // Outside the package fixture's folder: its nuget.config would isolate this copy's packages too.
        var copy = new RepoCopy(Path.Combine(Path.GetTempPath(), "rillagen-regeneration-tests", Guid.NewGuid().ToString("N")));
        foreach (var file in RootFiles)
        {
            File.Copy(Path.Combine(RepoPaths.Root, file), Path.Combine(copy.Root, file).CreateParent());
        }

        foreach (var folder in Folders.Where(f => Directory.Exists(Path.Combine(RepoPaths.Root, f))))
        {
            CopyTree(Path.Combine(RepoPaths.Root, folder), Path.Combine(copy.Root, folder));
        }

        File.WriteAllText(Path.Combine(copy.Root, "RillaGen.sln"), string.Empty);
        return copy;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }

    private static void CopyTree(string source, string target)
    {
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(source, file);
            var parts = relative.Split(Path.DirectorySeparatorChar);
            if (parts.Contains("bin") || parts.Contains("obj"))
            {
                continue;
            }

            File.Copy(file, Path.Combine(target, relative).CreateParent());
        }
    }
}

internal static class PathExtensions
{
    public static string CreateParent(this string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        return path;
    }
}
