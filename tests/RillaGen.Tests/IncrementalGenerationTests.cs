namespace RillaGen.Tests;

/// <summary>
/// The client is generated at build time, incrementally: a no-op build does not run NSwag, and an
/// edit of the spec or of a template regenerates. It builds a copy of the repository, so the real
/// one is never touched.
/// </summary>
public sealed class IncrementalGenerationTests : IDisposable
{
    private const string GeneratingMarker = "RillaGen: generating";
    private readonly string _copy = Path.Combine(Path.GetTempPath(), "rillagen-incremental-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public void A_noop_build_skips_nswag_and_spec_or_template_edits_regenerate()
    {
        CopyRepository();
        var generated = Path.Combine(_copy, "src", "RillaGen", "obj", "Debug", "net8.0", "RillaExportClient.g.cs");

        var first = Build();
        Assert.Contains(GeneratingMarker, first, StringComparison.Ordinal);
        Assert.True(File.Exists(generated), "The first build wrote no client into obj/.");

        Assert.DoesNotContain(GeneratingMarker, Build(), StringComparison.Ordinal);

        // A spec edit that leaves the generated code unchanged still regenerates once, then settles:
        // NSwag keeps the old timestamp when its output is unchanged, which the target compensates for.
        File.AppendAllText(Path.Combine(_copy, "openapi", "rilla-export.yaml"), "# an edit\n");
        Assert.Contains(GeneratingMarker, Build(), StringComparison.Ordinal);
        Assert.DoesNotContain(GeneratingMarker, Build(), StringComparison.Ordinal);

        var spec = Path.Combine(_copy, "openapi", "rilla-export.yaml");
        File.WriteAllText(spec, File.ReadAllText(spec).Replace("Name of the viewer.", "Display name of the viewer.", StringComparison.Ordinal));
        Assert.Contains(GeneratingMarker, Build(), StringComparison.Ordinal);
        Assert.Contains("Display name of the viewer.", File.ReadAllText(generated), StringComparison.Ordinal);

        File.AppendAllText(Path.Combine(_copy, "build", "templates", "Class.liquid"), "{%- comment -%}an edit{%- endcomment -%}\n");
        Assert.Contains(GeneratingMarker, Build(), StringComparison.Ordinal);
    }

    public void Dispose()
    {
        if (Directory.Exists(_copy))
        {
            Directory.Delete(_copy, recursive: true);
        }
    }

    private string Build()
    {
        var (exitCode, output) = DotnetCli.Run(_copy, "build", "src/RillaGen/RillaGen.csproj", "-f", "net8.0", "-nodeReuse:false", "-v:m");
        Assert.True(exitCode == 0, "The build failed:\n" + output);
        return output;
    }

    private void CopyRepository()
    {
        foreach (var file in new[] { "global.json", "nuget.config", "Directory.Build.props", "Directory.Packages.props", ".editorconfig" })
        {
            var source = Path.Combine(RepoPaths.Root, file);
            if (File.Exists(source))
            {
                Directory.CreateDirectory(_copy);
                File.Copy(source, Path.Combine(_copy, file));
            }
        }

        foreach (var folder in new[] { "openapi", "build", "src" })
        {
            CopyFolder(Path.Combine(RepoPaths.Root, folder), Path.Combine(_copy, folder));
        }
    }

    private static void CopyFolder(string source, string target)
    {
        Directory.CreateDirectory(target);
        foreach (var file in Directory.GetFiles(source))
        {
            File.Copy(file, Path.Combine(target, Path.GetFileName(file)));
        }

        foreach (var folder in Directory.GetDirectories(source))
        {
            var name = Path.GetFileName(folder);
            if (name is not ("bin" or "obj" or "node_modules"))
            {
                CopyFolder(folder, Path.Combine(target, name));
            }
        }
    }
}
