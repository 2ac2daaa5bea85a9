using NSwag;
using RillaGen.Package.Tests.Infrastructure;
using RillaGen.SpecDiff;

namespace RillaGen.Package.Tests;

/// <summary>build/SpecDiff: the plain-words comparison of two spec versions.</summary>
public sealed class SpecDiffTests
{
    [Fact]
    public async Task SameSpecHasNoChanges()
    {
        var spec = await OpenApiYamlDocument.FromFileAsync(RepoPaths.Spec);
        var again = await OpenApiYamlDocument.FromFileAsync(RepoPaths.Spec);
        Assert.Empty(new SpecComparer(spec, again).Compare());
    }

    [Fact]
    public async Task AddedRemovedAndDeprecatedFieldsAreNamedAndOnlyTheRemovalIsBreaking()
    {
        var oldSpec = await OpenApiYamlDocument.FromFileAsync(RepoPaths.Spec);
        var newSpec = await OpenApiYamlDocument.FromYamlAsync(SpecEdits.AddRemoveDeprecate(await File.ReadAllTextAsync(RepoPaths.Spec)));

        var changes = new SpecComparer(oldSpec, newSpec).Compare();

        Assert.Equal(
            [
                new SpecChange(ChangeKind.Added, "field", "Tracker.trackerCategory", "Added optional field 'trackerCategory' (string) to Tracker.", false),
                new SpecChange(ChangeKind.Removed, "field", "ConversationsExport.jobNumber", "Removed field 'jobNumber' (string) from ConversationsExport.", true),
                new SpecChange(ChangeKind.Deprecated, "field", "ConversationsExport.title", "Deprecated field 'title' of ConversationsExport.", false),
            ],
            changes.OrderBy(c => c.Kind));
    }

    [Fact]
    public async Task TypeChangeAndRemovedEndpointAreBreaking()
    {
        var text = await File.ReadAllTextAsync(RepoPaths.Spec);
        var oldSpec = await OpenApiYamlDocument.FromYamlAsync(text);
        var edited = text
            .Replace("        repSpeedWPM:\n          type: number", "        repSpeedWPM:\n          type: string", StringComparison.Ordinal)
            .Replace("  /export/teams:\n    post:\n      operationId: exportTeams", "  /export/teams:\n    put:\n      operationId: exportTeams", StringComparison.Ordinal);
        Assert.NotEqual(text, edited);
        var newSpec = await OpenApiYamlDocument.FromYamlAsync(edited);

        var breaking = new SpecComparer(oldSpec, newSpec).Compare().Where(c => c.IsBreaking).Select(c => c.Detail).ToList();

        Assert.Contains(breaking, d => d.StartsWith("Changed the type of field 'repSpeedWPM' of ConversationsExport from number", StringComparison.Ordinal));
        Assert.Contains("Removed endpoint POST /export/teams (exportTeams).", breaking);
    }
}
