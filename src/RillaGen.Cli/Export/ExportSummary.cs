namespace RillaGen.Cli.Export;

/// <summary>What a run did, for the summary, export_runs and the exit code.</summary>
internal sealed class ExportSummary
{
    public string RunId { get; } = Guid.NewGuid().ToString("N");

    public DateTimeOffset StartedAt { get; } = DateTimeOffset.UtcNow;

    public DateTimeOffset? RangeFrom { get; set; }

    public DateTimeOffset? RangeTo { get; set; }

    public bool Resumed { get; set; }

    public long Pages { get; set; }

    public long Conversations { get; set; }

    public long? ApiTotalConversations { get; set; }

    public long Teams { get; set; }

    public long Users { get; set; }

    public long MediaFiles { get; set; }

    public long MediaReused { get; set; }

    public long MediaBytes { get; set; }

    public long MediaFailures { get; set; }

    public long TranscriptTurns { get; set; }

    public string Status { get; set; } = "running";

    public string? Message { get; set; }
}
