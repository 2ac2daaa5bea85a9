namespace RillaGen.Package.Tests.Infrastructure;

/// <summary>The spec change the regeneration workflow is tested with: one field added, one removed, one deprecated.</summary>
internal static class SpecEdits
{
    private const string TrackerAiScore = """
                trackerAiScore:
                  type: number
                  format: double
                  description: AI-generated score for the tracker.

        """;

    private const string JobNumber = """
                jobNumber:
                  type: string
                  description: Job number from the CRM / calendar event.

        """;

    private const string Title = """
                title:
                  type: string
                  description: Title of the conversation / appointment.

        """;

    /// <summary>Adds Tracker.trackerCategory, removes ConversationsExport.jobNumber, deprecates ConversationsExport.title.</summary>
    public static string AddRemoveDeprecate(string spec)
    {
        spec = ReplaceOnce(spec, TrackerAiScore, TrackerAiScore + """
                    trackerCategory:
                      type: string
                      description: The category the tracker belongs to.

            """);
        spec = ReplaceOnce(spec, JobNumber, string.Empty);
        spec = ReplaceOnce(spec, ", jobNumber,", ",");
        spec = ReplaceOnce(spec, Title, Title.Replace("type: string\n", "type: string\n          deprecated: true\n", StringComparison.Ordinal));
        return spec;
    }

    private static string ReplaceOnce(string text, string oldValue, string newValue)
    {
        var count = (text.Length - text.Replace(oldValue, string.Empty, StringComparison.Ordinal).Length) / oldValue.Length;
        Assert.True(count == 1, $"The spec should contain this text exactly once (found {count} times); update SpecEdits to the spec:\n{oldValue}");
        return text.Replace(oldValue, newValue, StringComparison.Ordinal);
    }
}
