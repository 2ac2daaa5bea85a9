using RillaGen.Cli.Mapping;
using RillaGen.Cli.Storage;
using RillaGen.Cli.Storage.Folder;
using RillaGen.Cli.Storage.Postgres;
using RillaGen.Cli.Storage.Sqlite;

namespace RillaGen.Cli.Tests;

/// <summary>The upsert semantics every sink must share, run against real SQLite files, PostgreSQL and folders.</summary>
public abstract class SinkContractTests : IDisposable
{
    private static readonly DateTimeOffset March = new(2024, 3, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset April = new(2024, 4, 1, 0, 0, 0, TimeSpan.Zero);

    private protected TempDirectory Directory { get; } = new();

    public void Dispose()
    {
        Directory.Dispose();
        GC.SuppressFinalize(this);
    }

    [SkippableFact]
    public async Task Writing_the_same_page_twice_leaves_one_row_per_key()
    {
        await using var sink = await OpenAsync();
        await sink.WriteAsync(Page(1, 2, 3), CancellationToken.None);
        await sink.WriteAsync(Page(1, 2, 3), CancellationToken.None);

        Assert.Equal(3, Dump(ExportSchema.Conversations).Count);
        Assert.Equal(6, Dump(ExportSchema.Viewers).Count);
        Assert.Equal(3, Dump(ExportSchema.Trackers).Count);
        Assert.Equal(6, Dump(ExportSchema.CustomFields).Count);
    }

    [SkippableFact]
    public async Task A_rerun_updates_values_and_replaces_a_conversations_children()
    {
        await using var sink = await OpenAsync();
        await sink.WriteAsync(Page(1, 2), CancellationToken.None);
        var batch = new WriteBatch();
        ConversationRows.Add(batch, SampleData.Conversation(1, viewers: 0, title: "Renamed"));
        await sink.WriteAsync(batch, CancellationToken.None);

        var conversations = Dump(ExportSchema.Conversations);
        Assert.Equal(2, conversations.Count);
        Assert.Single(conversations, r => r.Contains("Renamed 1", StringComparison.Ordinal));
        var viewers = Dump(ExportSchema.Viewers);
        Assert.Equal(2, viewers.Count);
        Assert.All(viewers, v => Assert.StartsWith(SampleData.Conversation(2).ConversationId.ToString(), v, StringComparison.Ordinal));
    }

    [SkippableFact]
    public async Task Pages_that_share_a_day_keep_each_others_rows()
    {
        await using var sink = await OpenAsync();
        // Conversations 1 and 29 fall on the same day, so a folder sink merges them into one file.
        await sink.WriteAsync(Page(1), CancellationToken.None);
        await sink.WriteAsync(Page(29), CancellationToken.None);
        await sink.WriteAsync(Page(1), CancellationToken.None);

        Assert.Equal(2, Dump(ExportSchema.Conversations).Count);
        Assert.Equal(4, Dump(ExportSchema.CustomFields).Count);
        Assert.Contains(Dump(ExportSchema.CustomFields), r => r.EndsWith("| Facebook | \"Facebook\"", StringComparison.Ordinal));
    }

    [SkippableFact]
    public async Task Stores_canonical_fields_only()
    {
        await using var sink = await OpenAsync();
        await sink.WriteAsync(Page(7), CancellationToken.None);

        var checklist = Assert.Single(Dump(ExportSchema.Checklists));
        Assert.Equal($"{SampleData.Conversation(7).ConversationId} | 0 | Discovery | 3 | 5", checklist);
        Assert.DoesNotContain(ExportSchema.Checklists.Columns, c => c.Name is "score" or "denominator");
        Assert.DoesNotContain(ExportSchema.Trackers.Columns, c => c.Name is "is_hit" or "ai_score");
    }

    [SkippableFact]
    public async Task Team_snapshots_are_kept_per_range()
    {
        await using var sink = await OpenAsync();
        await sink.WriteAsync(Teams(March, April, 5), CancellationToken.None);
        await sink.WriteAsync(Teams(March, April, 6), CancellationToken.None);
        await sink.WriteAsync(Teams(April, April.AddMonths(1), 7), CancellationToken.None);

        var teams = Dump(ExportSchema.Teams);
        Assert.Equal(4, teams.Count);
        Assert.Equal(2, teams.Count(t => t.Contains("| 6", StringComparison.Ordinal) && t.StartsWith(ValueConvert.FormatTimestamp(March), StringComparison.Ordinal)));
    }

    [SkippableFact]
    public async Task State_round_trips()
    {
        await using var sink = await OpenAsync();
        Assert.Null(await sink.ReadStateAsync("conversations", CancellationToken.None));
        var state = new StreamState("conversations", "processedDate|", March, April, "processedDate", StreamState.Running, March.AddDays(3), March);
        var batch = new WriteBatch();
        batch.Add(ExportSchema.ExportState, state.ToRow(DateTimeOffset.UtcNow));
        await sink.WriteAsync(batch, CancellationToken.None);

        Assert.Equal(state, await sink.ReadStateAsync("conversations", CancellationToken.None));
    }

    private protected abstract IExportSink CreateSink();

    private protected abstract List<string> Dump(TableSchema table);

    private async Task<IExportSink> OpenAsync()
    {
        var sink = CreateSink();
        await sink.OpenAsync(CancellationToken.None);
        return sink;
    }

    private static WriteBatch Page(params int[] numbers)
    {
        var batch = new WriteBatch();
        foreach (var n in numbers)
        {
            ConversationRows.Add(batch, SampleData.Conversation(n));
        }

        return batch;
    }

    private static WriteBatch Teams(DateTimeOffset from, DateTimeOffset to, int users)
    {
        var batch = new WriteBatch { RangePartition = SnapshotRows.RangePartition(from, to) };
        SnapshotRows.AddTeam(batch, from, to, SampleData.Team("team-1", users));
        SnapshotRows.AddTeam(batch, from, to, SampleData.Team("team-2", users));
        return batch;
    }
}

public sealed class SqliteSinkTests : SinkContractTests
{
    private string Db => Directory.File("rilla.db");

    private protected override IExportSink CreateSink() => new SqliteSink(Db);

    private protected override List<string> Dump(TableSchema table) => TableDump.Sqlite(Db, table);
}

public sealed class JsonlSinkTests : SinkContractTests
{
    private protected override IExportSink CreateSink() => new FolderSink(Directory.Path, new JsonlFormat());

    private protected override List<string> Dump(TableSchema table) => TableDump.Folder(Directory.Path, table, new JsonlFormat());
}

public sealed class CsvSinkTests : SinkContractTests
{
    private protected override IExportSink CreateSink() => new FolderSink(Directory.Path, new CsvFormat());

    private protected override List<string> Dump(TableSchema table) => TableDump.Folder(Directory.Path, table, new CsvFormat());
}

public sealed class PostgresSinkTests : SinkContractTests
{
    private readonly string? _connectionString = PostgresDatabase.CreateOrSkip();

    private protected override IExportSink CreateSink() => new PostgresSink(_connectionString!);

    private protected override List<string> Dump(TableSchema table) => TableDump.Postgres(_connectionString!, table);
}
