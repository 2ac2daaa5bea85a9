using RillaGen;

// Mistakes a user can make with the API; each marked line must get the named warning.
public static class ApiMistakes
{
    public static string FirstChecklistName(Checklist checklist) =>
        checklist.Name; // expect: RILLA001

    public static void SaveAudioLink(ConversationsExport conversation) =>
        File.WriteAllText("audio-link.txt", conversation.AudioUrl); // expect: RILLA002

    public static ExportConversationsRequest BigPage() => new ExportConversationsRequest
    {
        FromDate = DateTimeOffset.UnixEpoch,
        ToDate = DateTimeOffset.UnixEpoch.AddDays(1),
        Limit = 500, // expect: RILLA003
    };
}
