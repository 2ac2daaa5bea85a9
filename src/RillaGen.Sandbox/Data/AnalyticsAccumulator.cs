namespace RillaGen.Sandbox.Data;

/// <summary>Sums of the conversation numbers one user (or, summed, one team) contributed in a range.</summary>
internal sealed class AnalyticsAccumulator
{
    public int Recorded { get; private set; }

    public int Missed { get; private set; }

    public long DurationSum { get; private set; }

    public long LengthSum { get; private set; }

    public double TalkRatioSum { get; private set; }

    public long LongestRepSum { get; private set; }

    public long LongestCustomerSum { get; private set; }

    public double PatienceSum { get; private set; }

    public double ComplianceSum { get; private set; }

    public int CommentsReceived { get; private set; }

    public int CommentsRead { get; private set; }

    public int ConversationsCommentedOn { get; private set; }

    public int CommentsGiven { get; private set; }

    public int ConversationsViewed { get; private set; }

    public long ViewTimeMs { get; private set; }

    public int AnalyticsViewed { get; private set; }

    public int ClipsCreated { get; private set; }

    public int ClipComments { get; private set; }

    public long ClipViewSeconds { get; private set; }

    public int RidealongsReceived { get; private set; }

    public long RidealongSeconds { get; private set; }

    public int RidealongsReachedEnd { get; private set; }

    public long? LastRidealongSeconds { get; private set; }

    public int ScorecardsReceived { get; private set; }

    public int ScorecardsGiven { get; private set; }

    public int LiveSessions { get; private set; }

    public int LiveViewEvents { get; private set; }

    public long LiveViewMs { get; private set; }

    public int LiveComments { get; private set; }

    public decimal LiveMoneySaved { get; private set; }

    public long? LastCoachedSeconds { get; private set; }

    public HashSet<string> LiveViewers { get; } = new(StringComparer.Ordinal);

    public HashSet<string> LiveCommenters { get; } = new(StringComparer.Ordinal);

    /// <summary>Reps this user (a viewer) left comments for.</summary>
    public HashSet<string> RepsCommentedOn { get; } = new(StringComparer.Ordinal);

    public void AddRecorded(ConversationCore c)
    {
        Recorded++;
        Missed += c.MissedAppointments;
        DurationSum += c.Duration;
        LengthSum += c.Duration + c.SetupSeconds;
        TalkRatioSum += c.TalkRatio;
        LongestRepSum += c.LongestRepMonologue;
        LongestCustomerSum += c.LongestCustomerMonologue;
        PatienceSum += c.Patience;
        ComplianceSum += c.TrackerTotal == 0 ? 0 : (double)c.TrackerHits / c.TrackerTotal;
        CommentsReceived += c.TotalComments;
        CommentsRead += c.CommentsRead;
        ConversationsCommentedOn += c.TotalComments > 0 ? 1 : 0;
        AnalyticsViewed += c.AnalyticsViews;
        ClipsCreated += c.ClipsCreated;
        ClipViewSeconds += c.ClipViewSeconds;
        if (c.HasRidealong)
        {
            RidealongsReceived++;
            RidealongSeconds += c.RidealongSeconds;
            RidealongsReachedEnd += c.RidealongReachedEnd ? 1 : 0;
            LastRidealongSeconds = Math.Max(LastRidealongSeconds ?? long.MinValue, c.RecordedSeconds);
        }

        ScorecardsReceived += c.HasScorecard ? 1 : 0;
        if (c.LiveCoached)
        {
            LiveSessions++;
            LiveComments += c.TotalComments;
            LiveMoneySaved += c.TotalSold / 20m;
            LastCoachedSeconds = Math.Max(LastCoachedSeconds ?? long.MinValue, c.RecordedSeconds);
            foreach (var viewer in c.Viewers)
            {
                LiveViewEvents += viewer.ViewCount;
                LiveViewMs += viewer.ViewTimeMs;
                LiveViewers.Add(viewer.User.UserId);
                if (viewer.Comments > 0)
                {
                    LiveCommenters.Add(viewer.User.UserId);
                }
            }
        }
    }

    public void AddViewed(ConversationCore c, ViewerCore view, bool gaveScorecard)
    {
        ConversationsViewed++;
        ViewTimeMs += view.ViewTimeMs;
        CommentsGiven += view.Comments;
        ClipComments += c.ClipComments;
        ScorecardsGiven += gaveScorecard ? 1 : 0;
        if (view.Comments > 0)
        {
            RepsCommentedOn.Add(c.Rep.UserId);
        }
    }

    public void AddTeamMember(AnalyticsAccumulator member)
    {
        Recorded += member.Recorded;
        Missed += member.Missed;
        DurationSum += member.DurationSum;
        LengthSum += member.LengthSum;
        TalkRatioSum += member.TalkRatioSum;
        LongestRepSum += member.LongestRepSum;
        LongestCustomerSum += member.LongestCustomerSum;
        PatienceSum += member.PatienceSum;
        ComplianceSum += member.ComplianceSum;
        CommentsReceived += member.CommentsReceived;
        CommentsRead += member.CommentsRead;
        ConversationsCommentedOn += member.ConversationsCommentedOn;
        CommentsGiven += member.CommentsGiven;
        ConversationsViewed += member.ConversationsViewed;
        ViewTimeMs += member.ViewTimeMs;
        AnalyticsViewed += member.AnalyticsViewed;
        ClipsCreated += member.ClipsCreated;
        ClipComments += member.ClipComments;
        ClipViewSeconds += member.ClipViewSeconds;
        RidealongsReceived += member.RidealongsReceived;
        ScorecardsReceived += member.ScorecardsReceived;
        ScorecardsGiven += member.ScorecardsGiven;
    }
}
