using static RillaGen.Cli.Storage.ColumnType;

namespace RillaGen.Cli.Storage;

/// <summary>
/// The tables rillagen writes. Column names are the API's canonical field names in snake_case;
/// deprecated aliases (name, score, denominator, isHit, aiScore on checklists and trackers) are not stored.
/// </summary>
internal static class ExportSchema
{
    public const string ConversationIdColumn = "conversation_id";

    public static readonly TableSchema Conversations = new("conversations", TableScope.Upsert, TablePartition.ConversationDay, ["conversation_id"],
    [
        new("conversation_id", Text, false),
        new("recording_id", Text),
        new("date", Timestamp, false),
        new("processed_date", Timestamp, false),
        new("title", Text),
        new("duration", Real),
        new("crm_event_id", Text),
        new("user_id", Text),
        new("user_name", Text),
        new("user_email", Text),
        new("job_number", Text),
        new("st_link", Text),
        new("total_sold", ColumnType.Decimal),
        new("outcome", Text),
        new("job_summary", Text),
        new("custom_summary", Text),
        new("rep_speed_wpm", Real),
        new("rep_talk_ratio", Real),
        new("longest_rep_monologue", Real),
        new("longest_customer_monologue", Real),
        new("total_comments", Integer),
        new("rilla_url", Text),
        new("custom_fields", Json),
    ]);

    public static readonly TableSchema Viewers = new("viewers", TableScope.ReplacePerConversation, TablePartition.ConversationDay, ["conversation_id", "ordinal"],
    [
        new("conversation_id", Text, false),
        new("ordinal", Integer, false),
        new("user_id", Text),
        new("name", Text),
        new("view_count", Integer),
        new("total_view_time_ms", Integer),
    ]);

    public static readonly TableSchema Checklists = new("checklists", TableScope.ReplacePerConversation, TablePartition.ConversationDay, ["conversation_id", "ordinal"],
    [
        new("conversation_id", Text, false),
        new("ordinal", Integer, false),
        new("checklist_name", Text),
        new("checklist_score", Integer),
        new("checklist_denominator", Integer),
    ]);

    public static readonly TableSchema Trackers = new("trackers", TableScope.ReplacePerConversation, TablePartition.ConversationDay, ["conversation_id", "checklist_ordinal", "ordinal"],
    [
        new("conversation_id", Text, false),
        new("checklist_ordinal", Integer, false),
        new("ordinal", Integer, false),
        new("checklist_name", Text),
        new("tracker_name", Text),
        new("tracker_is_hit", ColumnType.Boolean),
        new("tracker_ai_score", Real),
    ]);

    public static readonly TableSchema AiTrackers = new("ai_trackers", TableScope.ReplacePerConversation, TablePartition.ConversationDay, ["conversation_id", "ordinal"],
    [
        new("conversation_id", Text, false),
        new("ordinal", Integer, false),
        new("checklist_name", Text),
        new("tracker_name", Text),
        new("is_hit", ColumnType.Boolean),
        new("ai_score", Real),
    ]);

    public static readonly TableSchema SurveyResults = new("survey_results", TableScope.ReplacePerConversation, TablePartition.ConversationDay, ["conversation_id", "ordinal"],
    [
        new("conversation_id", Text, false),
        new("ordinal", Integer, false),
        new("result", Json),
    ]);

    public static readonly TableSchema CustomFields = new("custom_fields", TableScope.ReplacePerConversation, TablePartition.ConversationDay, ["conversation_id", "field_name"],
    [
        new("conversation_id", Text, false),
        new("field_name", Text, false),
        new("field_value", Text),
        new("value_json", Json),
    ]);

    public static readonly TableSchema Media = new("media", TableScope.Upsert, TablePartition.ConversationDay, ["conversation_id", "kind"],
    [
        new("conversation_id", Text, false),
        new("kind", Text, false),
        new("path", Text),
        new("sha256", Text),
        new("bytes", Integer),
        new("downloaded_at", Timestamp),
    ]);

    public static readonly TableSchema TranscriptTurns = new("transcript_turns", TableScope.ReplacePerConversation, TablePartition.ConversationDay, ["conversation_id", "ordinal"],
    [
        new("conversation_id", Text, false),
        new("ordinal", Integer, false),
        new("speaker", Text),
        new("start_seconds", Real),
        new("end_seconds", Real),
        new("text", Text),
    ]);

    public static readonly TableSchema Words = new("words", TableScope.ReplacePerConversation, TablePartition.ConversationDay, ["conversation_id", "turn_ordinal", "ordinal"],
    [
        new("conversation_id", Text, false),
        new("turn_ordinal", Integer, false),
        new("ordinal", Integer, false),
        new("word", Text),
        new("start_seconds", Real),
        new("end_seconds", Real),
        new("confidence", Real),
    ]);

    public static readonly TableSchema Teams = new("teams", TableScope.Upsert, TablePartition.Range, ["range_from", "range_to", "team_id"],
    [
        new("range_from", Timestamp, false),
        new("range_to", Timestamp, false),
        new("team_id", Text, false),
        new("name", Text),
        new("external_team_id", Text),
        new("parent_team_id", Text),
        new("parent_team_name", Text),
        new("analytics_viewed", Integer),
        new("appointments_recorded", Integer),
        new("average_conversation_duration", Real),
        new("average_conversation_length", Real),
        new("clip_comments_given", Integer),
        new("clips_created", Integer),
        new("clip_view_duration", Real),
        new("comments_given", Integer),
        new("comments_read", Integer),
        new("comments_received", Integer),
        new("conversation_view_duration", Real),
        new("conversations_commented_on", Integer),
        new("conversations_recorded", Integer),
        new("conversations_viewed", Integer),
        new("longest_customer_monologue_average", Real),
        new("longest_monologue_average", Real),
        new("patience_average", Real),
        new("recording_compliance", Real),
        new("ridealongs_received", Integer),
        new("scorecards_given", Integer),
        new("scorecards_received", Integer),
        new("talk_ratio_average", Real),
        new("total_appointments", Integer),
        new("total_users_who_recorded", Integer),
        new("total_users", Integer),
    ]);

    public static readonly TableSchema Users = new("users", TableScope.Upsert, TablePartition.Range, ["range_from", "range_to", "user_id"],
    [
        new("range_from", Timestamp, false),
        new("range_to", Timestamp, false),
        new("user_id", Text, false),
        new("name", Text),
        new("email", Text),
        new("account_set_up", ColumnType.Boolean),
        new("is_removed", ColumnType.Boolean),
        new("role", Text),
        new("time_of_first_recording", Timestamp),
        new("has_voice_id", ColumnType.Boolean),
        new("analytics_viewed", Integer),
        new("appointments_recorded", Integer),
        new("average_conversation_duration", Real),
        new("average_conversation_length", Real),
        new("average_script_compliance", Real),
        new("average_time_per_ridealong", Real),
        new("clip_comments_given", Integer),
        new("clips_created", Integer),
        new("clip_view_duration", Real),
        new("comments_received", Integer),
        new("comments_read", Integer),
        new("comments_given", Integer),
        new("conversations_commented_on", Integer),
        new("conversations_recorded", Integer),
        new("conversations_viewed", Integer),
        new("conversation_view_duration", Real),
        new("last_ridealong_at", Timestamp),
        new("longest_monologue_average", Real),
        new("longest_customer_monologue_average", Real),
        new("patience_average", Real),
        new("percentage_of_reps_with_comments_given", Real),
        new("recording_compliance", Real),
        new("ridealongs_received", Integer),
        new("scorecards_received", Integer),
        new("scorecards_given", Integer),
        new("talk_ratio_average", Real),
        new("total_appointments", Integer),
        new("total_end_of_ridealongs_reached", Integer),
        new("total_ridealongs_completed", Integer),
        new("viewed_recorded_ratio", Real),
        new("live_coaching_sessions_hosted", Integer),
        new("live_coaching_view_events_received", Integer),
        new("live_coaching_unique_viewers", Integer),
        new("live_coaching_view_duration_minutes", Real),
        new("live_coaching_comments_received", Integer),
        new("live_coaching_unique_commenters", Integer),
        new("live_coaching_money_saved", ColumnType.Decimal),
        new("live_coaching_last_coached_at", Timestamp),
    ]);

    public static readonly TableSchema UserTeams = new("user_teams", TableScope.Upsert, TablePartition.Range, ["range_from", "range_to", "user_id", "team_id"],
    [
        new("range_from", Timestamp, false),
        new("range_to", Timestamp, false),
        new("user_id", Text, false),
        new("team_id", Text, false),
        new("team_name", Text),
    ]);

    public static readonly TableSchema ExportRuns = new("export_runs", TableScope.Upsert, TablePartition.Single, ["run_id"],
    [
        new("run_id", Text, false),
        new("streams", Text),
        new("range_from", Timestamp),
        new("range_to", Timestamp),
        new("date_type", Text),
        new("users_filter", Text),
        new("since_last", ColumnType.Boolean),
        new("resumed", ColumnType.Boolean),
        new("started_at", Timestamp),
        new("finished_at", Timestamp),
        new("status", Text),
        new("pages", Integer),
        new("conversations", Integer),
        new("api_total_conversations", Integer),
        new("teams", Integer),
        new("users", Integer),
        new("media_files", Integer),
        new("media_bytes", Integer),
        new("media_failures", Integer),
        new("message", Text),
    ]);

    /// <summary>Per-stream watermark and resume checkpoint.</summary>
    public static readonly TableSchema ExportState = new("export_state", TableScope.Upsert, TablePartition.Single, ["stream"],
    [
        new("stream", Text, false),
        new("scope", Text),
        new("range_from", Timestamp),
        new("range_to", Timestamp),
        new("date_type", Text),
        new("status", Text),
        new("resume_from", Timestamp),
        new("watermark", Timestamp),
        new("updated_at", Timestamp),
    ]);

    public static IReadOnlyList<TableSchema> All { get; } =
    [
        Conversations, Viewers, Checklists, Trackers, AiTrackers, SurveyResults, CustomFields, Media,
        TranscriptTurns, Words, Teams, Users, UserTeams, ExportRuns, ExportState,
    ];

    /// <summary>The tables filled from the conversation records themselves (not from media).</summary>
    public static IReadOnlyList<TableSchema> ConversationRecordTables { get; } =
        [Conversations, Viewers, Checklists, Trackers, AiTrackers, SurveyResults, CustomFields];
}
