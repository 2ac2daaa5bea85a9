namespace RillaGen.Cli.Storage;

/// <summary>A stream's watermark and resume checkpoint, one row of export_state.</summary>
internal sealed record StreamState(
    string Stream,
    string Scope,
    DateTimeOffset RangeFrom,
    DateTimeOffset RangeTo,
    string DateType,
    string Status,
    DateTimeOffset? ResumeFrom,
    DateTimeOffset? Watermark)
{
    public const string Running = "running";
    public const string Complete = "complete";

    public object?[] ToRow(DateTimeOffset updatedAt) =>
        [Stream, Scope, RangeFrom, RangeTo, DateType, Status, ResumeFrom, Watermark, updatedAt];

    /// <summary>Reads a row of export_state whose values may come back as text (SQLite, folders) or typed (PostgreSQL).</summary>
    public static StreamState FromRow(IReadOnlyList<object?> row) => new(
        Stream: ValueConvert.ToText(row[0])!,
        Scope: ValueConvert.ToText(row[1]) ?? string.Empty,
        RangeFrom: ValueConvert.ToTimestamp(row[2]) ?? default,
        RangeTo: ValueConvert.ToTimestamp(row[3]) ?? default,
        DateType: ValueConvert.ToText(row[4]) ?? string.Empty,
        Status: ValueConvert.ToText(row[5]) ?? string.Empty,
        ResumeFrom: ValueConvert.ToTimestamp(row[6]),
        Watermark: ValueConvert.ToTimestamp(row[7]));
}
