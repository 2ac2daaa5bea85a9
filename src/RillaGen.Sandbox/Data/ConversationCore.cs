namespace RillaGen.Sandbox.Data;

/// <summary>A view of a conversation by a manager or admin, with the comments they left.</summary>
internal readonly record struct ViewerCore(SandboxUser User, int ViewCount, long ViewTimeMs, int Comments);

/// <summary>
/// The numbers of one conversation that the analytics are computed from. The full export record is
/// built from the same values, so team and user metrics agree with the conversations.
/// </summary>
internal sealed class ConversationCore
{
    public required long Key { get; init; }

    public required long RecordedSeconds { get; init; }

    public required long ProcessedSeconds { get; init; }

    public required SandboxUser Rep { get; init; }

    public required int Duration { get; init; }

    public required int SetupSeconds { get; init; }

    public required double TalkRatio { get; init; }

    public required int LongestRepMonologue { get; init; }

    public required int LongestCustomerMonologue { get; init; }

    public required int RepSpeedWpm { get; init; }

    public required double Patience { get; init; }

    public required string Outcome { get; init; }

    public required decimal TotalSold { get; init; }

    public required IReadOnlyList<ViewerCore> Viewers { get; init; }

    public required int MissedAppointments { get; init; }

    public required int ClipsCreated { get; init; }

    public required int ClipComments { get; init; }

    public required int ClipViewSeconds { get; init; }

    public required int AnalyticsViews { get; init; }

    public required bool HasRidealong { get; init; }

    public required int RidealongSeconds { get; init; }

    public required bool RidealongReachedEnd { get; init; }

    public required bool HasScorecard { get; init; }

    public required bool LiveCoached { get; init; }

    public required int TrackerHits { get; init; }

    public required int TrackerTotal { get; init; }

    public int TotalComments => Viewers.Sum(v => v.Comments);

    /// <summary>Comments the rep has read: all but those left in the last viewing.</summary>
    public int CommentsRead => Viewers.Count == 0 ? 0 : TotalComments - Viewers[^1].Comments;
}
