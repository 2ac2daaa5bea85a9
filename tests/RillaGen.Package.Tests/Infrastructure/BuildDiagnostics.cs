using System.Text.RegularExpressions;

namespace RillaGen.Package.Tests.Infrastructure;

/// <summary>A compiler diagnostic as MSBuild prints it: <c>path(line,col): warning ID: message</c>.</summary>
internal sealed record BuildDiagnostic(string File, int Line, string Severity, string Id, string Message);

internal static partial class BuildDiagnostics
{
    [GeneratedRegex(@"^\s*(?<file>[^\s(][^(]*)\((?<line>\d+),(?<col>\d+)\): (?<sev>warning|error) (?<id>[A-Z]+\d+): (?<msg>.*?)(?: \[[^\]]+\])?$", RegexOptions.Multiline)]
    private static partial Regex DiagnosticLine();

    /// <summary>Every distinct diagnostic in a build's output (MSBuild repeats them in its summary).</summary>
    public static IReadOnlyList<BuildDiagnostic> Parse(string output) =>
        DiagnosticLine().Matches(output)
            .Select(m => new BuildDiagnostic(
                m.Groups["file"].Value.Trim(),
                int.Parse(m.Groups["line"].Value, System.Globalization.CultureInfo.InvariantCulture),
                m.Groups["sev"].Value,
                m.Groups["id"].Value,
                m.Groups["msg"].Value))
            .Distinct()
            .ToList();

    /// <summary>The 1-based numbers of the lines of <paramref name="file"/> that carry the marker comment <c>// expect: ID</c>.</summary>
    public static IReadOnlyList<int> ExpectedLines(string file, string id) =>
        File.ReadAllLines(file)
            .Select((text, index) => (text, line: index + 1))
            .Where(x => x.text.Contains("// expect: " + id, StringComparison.Ordinal))
            .Select(x => x.line)
            .ToList();

    public static IReadOnlyList<int> LinesOf(IEnumerable<BuildDiagnostic> diagnostics, string file, string id) =>
        diagnostics
            .Where(d => d.Id == id && Path.GetFileName(d.File) == Path.GetFileName(file))
            .Select(d => d.Line)
            .Distinct()
            .Order()
            .ToList();
}
