namespace RillaGen.Cli.Tests;

/// <summary>Hand-built API models for sink tests that need no server.</summary>
internal static class SampleData
{
    public static ConversationsExport Conversation(int n, int viewers = 2, string title = "Home Estimate") => new()
    {
        ConversationId = new Guid(n, 0, 0, new byte[8]),
        RecordingId = $"rec-{n}",
        Date = new DateTimeOffset(2024, 3, 1 + (n % 28), 14, 0, 0, TimeSpan.Zero),
        ProcessedDate = new DateTimeOffset(2024, 3, 1 + (n % 28), 15, 12, 0, TimeSpan.Zero),
        Title = $"{title} {n}",
        Duration = 3240,
        CrmEventID = $"evt-{n}",
        User = new ConversationUser { Id = "user-001", Name = "Jane Smith", Email = "rep@example.com" },
        JobNumber = $"JOB-{n}",
        StLink = "https://go.servicetitan.example/jobs/1",
        TotalSold = 12500.5m,
        Outcome = "Sold",
        JobSummary = "Summary, with \"quotes\" and a\nnewline",
        CustomSummary = "Custom",
        RepSpeedWPM = 148,
        RepTalkRatio = 0.54,
        LongestRepMonologue = 120,
        LongestCustomerMonologue = 64,
        TotalComments = 3,
        RillaUrl = $"https://app.rillavoice.example/conversations/single?id={n}",
        Viewers = Enumerable.Range(0, viewers).Select(i => new Viewer { UserId = $"user-{i}", Name = $"Viewer {i}", ViewCount = i + 1, TotalViewTimeMs = 540000 }).ToList(),
        Checklists =
        [
            new Checklist
            {
                ChecklistName = "Discovery", ChecklistScore = 3, ChecklistDenominator = 5, Name = "Discovery", Score = 3, Denominator = 5,
                TrackerData = [new Tracker { TrackerName = "Asked about budget", TrackerIsHit = true, TrackerAiScore = 0.92, Name = "Asked about budget", IsHit = true, AiScore = 0.92 }],
            },
        ],
        AiTrackers = [new AiTracker { ChecklistName = "Discovery", TrackerName = "Asked about budget", IsHit = true, AiScore = 0.92 }],
        CustomFields = new Dictionary<string, object> { ["leadSource"] = "Facebook", ["visits"] = 2L },
        SurveyResults = [new Dictionary<string, object> { ["question"] = "NPS", ["score"] = 9L }],
        AudioUrl = "https://media.example/audio.mp3?X-Amz-Signature=abc",
        TranscriptUrl = "https://media.example/transcript.json?X-Amz-Signature=abc",
    };

    public static Team Team(string id, int users) => new()
    {
        TeamId = id,
        Name = "West Region " + id,
        ExternalTeamId = null,
        AnalyticsViewed = 12,
        AppointmentsRecorded = 88,
        AverageConversationDuration = 2980,
        PatienceAverage = 0.71,
        TotalUsers = users,
    };
}
