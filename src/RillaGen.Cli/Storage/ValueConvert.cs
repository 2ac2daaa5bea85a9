using System.Globalization;

namespace RillaGen.Cli.Storage;

/// <summary>Text forms of column values shared by the sinks that store text (SQLite timestamps, JSONL, CSV).</summary>
internal static class ValueConvert
{
    /// <summary>UTC, fixed width, sortable as text: 2024-03-05T14:00:00.0000000Z.</summary>
    public static string FormatTimestamp(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);

    public static string? ToText(object? value) => value switch
    {
        null or DBNull => null,
        string s => s,
        DateTimeOffset d => FormatTimestamp(d),
        DateTime d => FormatTimestamp(new DateTimeOffset(DateTime.SpecifyKind(d, DateTimeKind.Utc))),
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    public static DateTimeOffset? ToTimestamp(object? value) => value switch
    {
        null or DBNull => null,
        DateTimeOffset d => d.ToUniversalTime(),
        DateTime d => new DateTimeOffset(DateTime.SpecifyKind(d, DateTimeKind.Utc)),
        string s => DateTimeOffset.Parse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal),
        _ => throw new FormatException($"Not a timestamp: {value.GetType().Name}"),
    };
}
