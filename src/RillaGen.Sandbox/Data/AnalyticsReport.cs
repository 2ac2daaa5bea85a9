namespace RillaGen.Sandbox.Data;

/// <summary>
/// Team and user analytics of a date range, computed in one streaming pass over the range's
/// conversations, so they agree with what /export/conversations returns for the same range.
/// </summary>
internal sealed class AnalyticsReport
{
    private readonly ConversationSource _source;
    private readonly AnalyticsAccumulator[] _byUser;

    public AnalyticsReport(ConversationSource source, ConversationQuery query)
    {
        _source = source;
        var users = source.Organization.Users;
        _byUser = users.Select(_ => new AnalyticsAccumulator()).ToArray();
        foreach (var key in query.AllKeys())
        {
            var core = source.Core(key);
            _byUser[core.Rep.Index].AddRecorded(core);
            for (var v = 0; v < core.Viewers.Count; v++)
            {
                var view = core.Viewers[v];
                _byUser[view.User.Index].AddViewed(core, view, gaveScorecard: core.HasScorecard && v == 0);
            }
        }
    }

    public User User(SandboxUser user)
    {
        var a = _byUser[user.Index];
        var recorded = a.Recorded > 0;
        double? Average(double sum) => recorded ? Math.Round(sum / a.Recorded, 2) : null;
        var firstIndex = _source.Organization.RecordingCycle.ToList().IndexOf(user);
        var timeline = _source.Timeline;
        return new User
        {
            UserId = user.UserId,
            Name = user.Name,
            Email = user.Email,
            AccountSetUp = user.AccountSetUp,
            IsRemoved = user.IsRemoved,
            Role = user.Role,
            Teams = user.Team is null ? [] : [new UserTeam { TeamId = user.Team.TeamId, Name = user.Team.Name }],
            TimeOfFirstRecording = firstIndex >= 0 && firstIndex < timeline.Count ? DateTimeOffset.FromUnixTimeSeconds(timeline.RecordedSeconds(firstIndex)) : null,
            HasVoiceId = user.HasVoiceId,
            AnalyticsViewed = a.AnalyticsViewed,
            AppointmentsRecorded = recorded ? a.Recorded : null,
            AverageConversationDuration = Average(a.DurationSum),
            AverageConversationLength = Average(a.LengthSum),
            AverageScriptCompliance = Average(a.ComplianceSum),
            AverageTimePerRidealong = a.RidealongsReceived > 0 ? Math.Round((double)a.RidealongSeconds / a.RidealongsReceived, 2) : null,
            ClipCommentsGiven = a.ClipComments,
            ClipsCreated = a.ClipsCreated,
            ClipViewDuration = a.ClipViewSeconds,
            CommentsReceived = a.CommentsReceived,
            CommentsRead = a.CommentsRead,
            CommentsGiven = a.CommentsGiven,
            ConversationsCommentedOn = a.ConversationsCommentedOn,
            ConversationsRecorded = a.Recorded,
            ConversationsViewed = a.ConversationsViewed,
            ConversationViewDuration = Math.Round(a.ViewTimeMs / 1000.0, 2),
            LastRidealongAt = a.LastRidealongSeconds is { } last ? DateTimeOffset.FromUnixTimeSeconds(last) : null,
            LongestMonologueAverage = Average(a.LongestRepSum),
            LongestCustomerMonologueAverage = Average(a.LongestCustomerSum),
            PatienceAverage = Average(a.PatienceSum),
            PercentageOfRepsWithCommentsGiven = PercentageOfRepsCommentedOn(user, a),
            RecordingCompliance = recorded ? Math.Round((double)a.Recorded / (a.Recorded + a.Missed), 2) : null,
            RidealongsReceived = a.RidealongsReceived,
            ScorecardsReceived = a.ScorecardsReceived,
            ScorecardsGiven = a.ScorecardsGiven,
            TalkRatioAverage = Average(a.TalkRatioSum),
            TotalAppointments = a.Recorded + a.Missed,
            TotalEndOfRidealongsReached = a.RidealongsReachedEnd,
            TotalRidealongsCompleted = a.RidealongsReceived,
            ViewedRecordedRatio = recorded ? Math.Round((double)a.ConversationsViewed / a.Recorded, 2) : null,
            LiveCoaching = new LiveCoaching
            {
                SessionsHosted = a.LiveSessions,
                ViewEventsReceived = a.LiveViewEvents,
                UniqueViewers = a.LiveViewers.Count,
                ViewDurationMinutes = Math.Round(a.LiveViewMs / 60000.0, 2),
                CommentsReceived = a.LiveComments,
                UniqueCommenters = a.LiveCommenters.Count,
                MoneySaved = a.LiveMoneySaved,
                LastCoachedAt = a.LastCoachedSeconds is { } coached ? DateTimeOffset.FromUnixTimeSeconds(coached) : null,
            },
        };
    }

    public Team Team(SandboxTeam team)
    {
        var members = _source.Organization.Users.Where(u => u.Team is not null && Organization.IsWithin(u.Team, team)).ToList();
        var sum = new AnalyticsAccumulator();
        foreach (var member in members)
        {
            sum.AddTeamMember(_byUser[member.Index]);
        }

        var n = sum.Recorded;
        double Average(double total) => n == 0 ? 0 : Math.Round(total / n, 2);
        return new Team
        {
            Name = team.Name,
            TeamId = team.TeamId,
            ExternalTeamId = team.ExternalTeamId,
            ParentTeamId = team.Parent?.TeamId,
            ParentTeamName = team.Parent?.Name,
            AnalyticsViewed = sum.AnalyticsViewed,
            AppointmentsRecorded = n,
            AverageConversationDuration = Average(sum.DurationSum),
            AverageConversationLength = Average(sum.LengthSum),
            ClipCommentsGiven = sum.ClipComments,
            ClipsCreated = sum.ClipsCreated,
            ClipViewDuration = sum.ClipViewSeconds,
            CommentsGiven = sum.CommentsGiven,
            CommentsRead = sum.CommentsRead,
            CommentsReceived = sum.CommentsReceived,
            ConversationViewDuration = Math.Round(sum.ViewTimeMs / 1000.0, 2),
            ConversationsCommentedOn = sum.ConversationsCommentedOn,
            ConversationsRecorded = n,
            ConversationsViewed = sum.ConversationsViewed,
            LongestCustomerMonologueAverage = Average(sum.LongestCustomerSum),
            LongestMonologueAverage = Average(sum.LongestRepSum),
            PatienceAverage = Average(sum.PatienceSum),
            RecordingCompliance = n == 0 ? 0 : Math.Round((double)n / (n + sum.Missed), 2),
            RidealongsReceived = sum.RidealongsReceived,
            ScorecardsGiven = sum.ScorecardsGiven,
            ScorecardsReceived = sum.ScorecardsReceived,
            TalkRatioAverage = Average(sum.TalkRatioSum),
            TotalAppointments = n + sum.Missed,
            TotalUsersWhoRecorded = members.Count(m => _byUser[m.Index].Recorded > 0),
            TotalUsers = members.Count,
        };
    }

    private double? PercentageOfRepsCommentedOn(SandboxUser user, AnalyticsAccumulator a)
    {
        if (user.Role == "rep")
        {
            return null;
        }

        var reps = _source.Organization.Users.Where(u => u.Role == "rep" && (user.Team is null || Organization.IsWithin(u.Team, user.Team))).ToList();
        return reps.Count == 0 ? null : Math.Round((double)reps.Count(r => a.RepsCommentedOn.Contains(r.UserId)) / reps.Count, 2);
    }
}
