using System.Globalization;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using RillaGen.Cli.Storage;

namespace RillaGen.Cli.Mapping;

/// <summary>Maps a conversation record onto the conversations table and its child tables, canonical fields only.</summary>
internal static class ConversationRows
{
    public static string IdOf(ConversationsExport conversation) =>
        conversation.ConversationId.ToString("D", CultureInfo.InvariantCulture);

    public static void Add(WriteBatch batch, ConversationsExport c)
    {
        var id = IdOf(c);
        batch.ConversationDays[id] = c.Date.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        batch.Add(ExportSchema.Conversations,
            id, c.RecordingId, c.Date, c.ProcessedDate, c.Title, c.Duration, c.CrmEventID,
            c.User?.Id, c.User?.Name, c.User?.Email,
            c.JobNumber, c.StLink, c.TotalSold, c.Outcome, c.JobSummary, c.CustomSummary,
            c.RepSpeedWPM, c.RepTalkRatio, c.LongestRepMonologue, c.LongestCustomerMonologue, (long)c.TotalComments,
            c.RillaUrl, c.CustomFields is null ? null : JsonConvert.SerializeObject(c.CustomFields));

        foreach (var table in ExportSchema.ConversationRecordTables.Where(t => t.Scope == TableScope.ReplacePerConversation))
        {
            batch.Replace(table, id);
        }

        var ordinal = 0;
        foreach (var viewer in c.Viewers ?? [])
        {
            batch.Add(ExportSchema.Viewers, id, (long)ordinal++, viewer.UserId, viewer.Name, (long)viewer.ViewCount, viewer.TotalViewTimeMs);
        }

        var checklistOrdinal = 0;
        foreach (var checklist in c.Checklists ?? [])
        {
            batch.Add(ExportSchema.Checklists, id, (long)checklistOrdinal, checklist.ChecklistName,
                (long)checklist.ChecklistScore, (long)checklist.ChecklistDenominator);
            var trackerOrdinal = 0;
            foreach (var tracker in checklist.TrackerData ?? [])
            {
                batch.Add(ExportSchema.Trackers, id, (long)checklistOrdinal, (long)trackerOrdinal++, checklist.ChecklistName,
                    tracker.TrackerName, tracker.TrackerIsHit, tracker.TrackerAiScore);
            }

            checklistOrdinal++;
        }

        ordinal = 0;
        foreach (var tracker in c.AiTrackers ?? [])
        {
            batch.Add(ExportSchema.AiTrackers, id, (long)ordinal++, tracker.ChecklistName, tracker.TrackerName, tracker.IsHit, tracker.AiScore);
        }

        ordinal = 0;
        foreach (var result in c.SurveyResults ?? [])
        {
            batch.Add(ExportSchema.SurveyResults, id, (long)ordinal++, JsonConvert.SerializeObject(result));
        }

        foreach (var field in c.CustomFields ?? new Dictionary<string, object>())
        {
            batch.Add(ExportSchema.CustomFields, id, field.Key, ScalarText(field.Value), JsonConvert.SerializeObject(field.Value));
        }
    }

    /// <summary>A scalar custom field's value as text; objects and arrays are only in value_json.</summary>
    private static string? ScalarText(object? value) => value switch
    {
        null => null,
        JValue { Value: null } => null,
        JValue v => Convert.ToString(v.Value, CultureInfo.InvariantCulture),
        JToken => null,
        _ => Convert.ToString(value, CultureInfo.InvariantCulture),
    };
}
