using NSwag;

namespace RillaGen.SpecDiff;

/// <summary>Writes the changes as a release-notes section: breaking changes first, then the rest.</summary>
internal static class ChangeReport
{
    public static void Write(TextWriter output, string oldName, OpenApiDocument oldDocument, string newName, OpenApiDocument newDocument, IReadOnlyList<SpecChange> changes)
    {
        output.WriteLine($"Spec changes from {oldName} (version {oldDocument.Info.Version}) to {newName} (version {newDocument.Info.Version}):");
        if (changes.Count == 0)
        {
            output.WriteLine("No endpoint, field, type or deprecation changed.");
            return;
        }

        WriteSection(output, "Breaking changes", changes.Where(c => c.IsBreaking), "BREAKING: ");
        WriteSection(output, "Other changes", changes.Where(c => !c.IsBreaking), string.Empty);

        var breaking = changes.Count(c => c.IsBreaking);
        output.WriteLine();
        output.WriteLine($"{changes.Count} change(s), {breaking} breaking.");
    }

    private static void WriteSection(TextWriter output, string title, IEnumerable<SpecChange> changes, string prefix)
    {
        var list = changes.ToList();
        if (list.Count == 0)
        {
            return;
        }

        output.WriteLine();
        output.WriteLine($"{title}:");
        foreach (var change in list)
        {
            output.WriteLine($"  - {prefix}{change.Detail}");
        }
    }
}
