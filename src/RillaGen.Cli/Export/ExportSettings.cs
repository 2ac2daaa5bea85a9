using RillaGen.Cli.Media;

namespace RillaGen.Cli.Export;

/// <summary>A validated export command.</summary>
internal sealed record ExportSettings
{
    public const string ConversationsStream = "conversations";
    public const string TeamsStream = "teams";
    public const string UsersStream = "users";

    public static IReadOnlyList<string> AllStreams { get; } = [ConversationsStream, TeamsStream, UsersStream];

    public required IReadOnlyList<string> Streams { get; init; }

    public DateTimeOffset? From { get; init; }

    public DateTimeOffset? To { get; init; }

    public DateType DateType { get; init; } = DateType.TimeOfRecording;

    public IReadOnlyList<string>? Users { get; init; }

    public bool IncludeSubteams { get; init; } = true;

    public bool SinceLast { get; init; }

    public TimeSpan Lookback { get; init; } = TimeSpan.FromHours(24);

    public MediaKinds Media { get; init; }

    public int Concurrency { get; init; } = 4;

    public bool ReuseMedia { get; init; }

    public string? MediaDirectory { get; init; }
}
