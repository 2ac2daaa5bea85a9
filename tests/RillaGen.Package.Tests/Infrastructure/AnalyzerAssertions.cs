namespace RillaGen.Package.Tests.Infrastructure;

/// <summary>Checks that RILLA warnings land on the lines of a source file marked <c>// expect: RILLAnnn</c>.</summary>
internal static class AnalyzerAssertions
{
    public static void WarningsAtMarkedLines(CommandResult build, string sourceFile, params string[] ids)
    {
        var diagnostics = BuildDiagnostics.Parse(build.Output);
        foreach (var id in ids)
        {
            var expected = BuildDiagnostics.ExpectedLines(sourceFile, id);
            Assert.NotEmpty(expected);
            var actual = BuildDiagnostics.LinesOf(diagnostics.Where(d => d.Severity == "warning"), sourceFile, id);
            Assert.True(expected.SequenceEqual(actual),
                $"{id}: expected warnings at lines [{string.Join(", ", expected)}] of {Path.GetFileName(sourceFile)}, got [{string.Join(", ", actual)}].\n{build}");
        }
    }

    /// <summary>After <c>dotnet format analyzers --diagnostics RILLA001 RILLA003</c>: the alias and the constant are fixed.</summary>
    public static void MistakesFixed(string mistakesFile)
    {
        var text = File.ReadAllText(mistakesFile);
        Assert.Contains("checklist.ChecklistName", text, StringComparison.Ordinal);
        Assert.DoesNotContain("checklist.Name;", text, StringComparison.Ordinal);
        Assert.Contains("Limit = 50", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Limit = 500", text, StringComparison.Ordinal);
        // RILLA002 has no automatic fix: the code stays as written.
        Assert.Contains("conversation.AudioUrl", text, StringComparison.Ordinal);
    }

    public static void NoWarnings(CommandResult build, params string[] ids)
    {
        var found = BuildDiagnostics.Parse(build.Output).Where(d => ids.Contains(d.Id)).ToList();
        Assert.True(found.Count == 0, $"unexpected {string.Join(", ", found)}\n{build}");
    }
}
