using System.Globalization;
using RillaGen.Cli.Storage;

namespace RillaGen.Cli.Mapping;

/// <summary>Maps teams and users onto their snapshot tables, keyed by the export range.</summary>
internal static class SnapshotRows
{
    public static string RangePartition(DateTimeOffset from, DateTimeOffset to) =>
        string.Create(CultureInfo.InvariantCulture, $"{from.UtcDateTime:yyyyMMdd'T'HHmmss}_{to.UtcDateTime:yyyyMMdd'T'HHmmss}");

    public static void AddTeam(WriteBatch batch, DateTimeOffset from, DateTimeOffset to, Team t) =>
        batch.Add(ExportSchema.Teams,
            from, to, t.TeamId, t.Name, t.ExternalTeamId, t.ParentTeamId, t.ParentTeamName,
            (long)t.AnalyticsViewed, (long)t.AppointmentsRecorded, t.AverageConversationDuration, t.AverageConversationLength,
            (long)t.ClipCommentsGiven, (long)t.ClipsCreated, t.ClipViewDuration, (long)t.CommentsGiven, (long)t.CommentsRead,
            (long)t.CommentsReceived, t.ConversationViewDuration, (long)t.ConversationsCommentedOn, (long)t.ConversationsRecorded,
            (long)t.ConversationsViewed, t.LongestCustomerMonologueAverage, t.LongestMonologueAverage, t.PatienceAverage,
            t.RecordingCompliance, (long)t.RidealongsReceived, (long)t.ScorecardsGiven, (long)t.ScorecardsReceived,
            t.TalkRatioAverage, (long)t.TotalAppointments, (long)t.TotalUsersWhoRecorded, (long)t.TotalUsers);

    public static void AddUser(WriteBatch batch, DateTimeOffset from, DateTimeOffset to, User u)
    {
        var coaching = u.LiveCoaching ?? new LiveCoaching();
        batch.Add(ExportSchema.Users,
            from, to, u.UserId, u.Name, u.Email, u.AccountSetUp, u.IsRemoved, u.Role, u.TimeOfFirstRecording, u.HasVoiceId,
            (long)u.AnalyticsViewed, (long?)u.AppointmentsRecorded, u.AverageConversationDuration, u.AverageConversationLength,
            u.AverageScriptCompliance, u.AverageTimePerRidealong, (long)u.ClipCommentsGiven, (long)u.ClipsCreated, u.ClipViewDuration,
            (long)u.CommentsReceived, (long)u.CommentsRead, (long)u.CommentsGiven, (long)u.ConversationsCommentedOn,
            (long)u.ConversationsRecorded, (long)u.ConversationsViewed, u.ConversationViewDuration, u.LastRidealongAt,
            u.LongestMonologueAverage, u.LongestCustomerMonologueAverage, u.PatienceAverage, u.PercentageOfRepsWithCommentsGiven,
            u.RecordingCompliance, (long)u.RidealongsReceived, (long)u.ScorecardsReceived, (long)u.ScorecardsGiven, u.TalkRatioAverage,
            (long)u.TotalAppointments, (long)u.TotalEndOfRidealongsReached, (long)u.TotalRidealongsCompleted, u.ViewedRecordedRatio,
            (long)coaching.SessionsHosted, (long)coaching.ViewEventsReceived, (long)coaching.UniqueViewers, coaching.ViewDurationMinutes,
            (long)coaching.CommentsReceived, (long)coaching.UniqueCommenters, coaching.MoneySaved, coaching.LastCoachedAt);

        foreach (var team in u.Teams ?? [])
        {
            batch.Add(ExportSchema.UserTeams, from, to, u.UserId, team.TeamId, team.Name);
        }
    }
}
