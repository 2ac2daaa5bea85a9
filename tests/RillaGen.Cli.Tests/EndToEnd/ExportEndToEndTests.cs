using System.Security.Cryptography;
using Microsoft.Data.Sqlite;
using RillaGen.Cli.Storage;
using RillaGen.Cli.Storage.Folder;

namespace RillaGen.Cli.Tests.EndToEnd;

/// <summary>The built CLI, run as a child process against a sandbox with faults on, into real outputs.</summary>
public sealed class ExportEndToEndTests(SandboxPair sandboxes) : IClassFixture<SandboxPair>
{
    private static readonly DateTimeOffset From = new(2024, 3, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset To = new(2024, 5, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Every table but the bookkeeping ones, whose timestamps differ by nature between runs.</summary>
    private static readonly TableSchema[] DataTables = ExportSchema.All.Where(t => t != ExportSchema.ExportRuns && t != ExportSchema.ExportState).ToArray();

    [Fact]
    public async Task Export_all_into_sqlite_matches_the_api_totals_and_the_media_it_served()
    {
        using var dir = new TempDirectory();
        var db = dir.File("rilla.db");
        using var cli = await RunAsync("export", "all", "--from", "2024-03-01", "--to", "2024-05-01", "--out", db, "--media", "audio,transcript");

        Assert.True(cli.ExitCode == 0, cli.ToString());
        var truth = await sandboxes.ConversationsPageAsync(From, To);
        var (teams, users) = await sandboxes.SnapshotCountsAsync(From, To);
        Assert.True(truth.TotalConversations > 100, "the range should span several pages");
        Assert.Equal(truth.TotalConversations, TableDump.Sqlite(db, ExportSchema.Conversations).Count);
        Assert.Equal(teams, TableDump.Sqlite(db, ExportSchema.Teams).Count);
        Assert.Equal(users, TableDump.Sqlite(db, ExportSchema.Users).Count);
        Assert.Contains($"conversations: {truth.TotalConversations} (API total {truth.TotalConversations})", cli.StandardOutput, StringComparison.Ordinal);

        var media = ReadMedia(db);
        Assert.Equal(truth.TotalConversations * 2, media.Count);
        var mediaDir = dir.File("rilla-media");
        foreach (var (id, kind, path, sha256) in media)
        {
            var file = Path.Combine(mediaDir, path);
            Assert.Equal(sha256, Convert.ToHexStringLower(SHA256.HashData(await File.ReadAllBytesAsync(file))));
            Assert.Equal(await sandboxes.MediaSha256Async(Guid.Parse(id), kind), sha256);
        }

        Assert.NotEmpty(TableDump.Sqlite(db, ExportSchema.TranscriptTurns));
        Assert.NotEmpty(TableDump.Sqlite(db, ExportSchema.Words));
    }

    [Fact]
    public async Task A_rerun_is_idempotent_and_reuse_media_downloads_nothing()
    {
        using var dir = new TempDirectory();
        var db = dir.File("rilla.db");
        string[] args = ["export", "all", "--from", "2024-03-01", "--to", "2024-05-01", "--out", db, "--media", "transcript", "--reuse-media"];
        using var first = await RunAsync(args);
        Assert.True(first.ExitCode == 0, first.ToString());
        var before = DataTables.ToDictionary(t => t.Name, t => TableDump.Sqlite(db, t));

        using var second = await RunAsync(args);
        Assert.True(second.ExitCode == 0, second.ToString());
        foreach (var table in DataTables)
        {
            Assert.Equal(before[table.Name], TableDump.Sqlite(db, table));
        }

        var total = (await sandboxes.ConversationsPageAsync(From, To)).TotalConversations;
        Assert.Contains($"media files: {total} ({total} reused)", second.StandardOutput, StringComparison.Ordinal);
        Assert.Equal(2, TableDump.Sqlite(db, ExportSchema.ExportRuns).Count);
    }

    [Fact]
    public async Task A_run_killed_with_kill_9_resumes_to_the_same_rows_as_a_clean_run()
    {
        using var dir = new TempDirectory();
        string[] Args(string db) => ["export", "conversations", "--from", "2024-03-01", "--to", "2024-07-01", "--out", db, "--media", "audio,transcript", "--concurrency", "1"];
        var clean = dir.File("clean.db");
        using (var cleanRun = await RunAsync(Args(clean)))
        {
            Assert.True(cleanRun.ExitCode == 0, cleanRun.ToString());
        }

        var resumed = dir.File("resumed.db");
        using (var killed = CliProcess.Start(sandboxes.Args(Args(resumed)), SandboxPair.Environment))
        {
            await killed.WaitForErrorLineAsync(AtLeastTwoPagesCommitted, TimeSpan.FromMinutes(3));
            killed.KillHard();
            await killed.WaitAsync(TimeSpan.FromMinutes(1));
        }

        var partial = TableDump.Sqlite(resumed, ExportSchema.Conversations).Count;
        var total = TableDump.Sqlite(clean, ExportSchema.Conversations).Count;
        Assert.InRange(partial, 100, total - 1);

        using var rerun = await RunAsync(Args(resumed));
        Assert.True(rerun.ExitCode == 0, rerun.ToString());
        Assert.Contains("resumed: yes", rerun.StandardOutput, StringComparison.Ordinal);
        foreach (var table in DataTables)
        {
            Assert.Equal(TableDump.Sqlite(clean, table), TableDump.Sqlite(resumed, table));
        }
    }

    [Fact]
    public async Task Ctrl_c_stops_with_exit_130_keeping_committed_pages_and_a_rerun_completes()
    {
        using var dir = new TempDirectory();
        var db = dir.File("rilla.db");
        string[] args = ["export", "conversations", "--from", "2024-03-01", "--to", "2024-07-01", "--out", db, "--media", "audio,transcript", "--concurrency", "1"];
        using (var run = CliProcess.Start(sandboxes.Args(args), SandboxPair.Environment))
        {
            await run.WaitForErrorLineAsync(AtLeastTwoPagesCommitted, TimeSpan.FromMinutes(3));
            run.Interrupt();
            await run.WaitAsync(TimeSpan.FromMinutes(1));
            Assert.True(run.ExitCode == 130, run.ToString());
            Assert.Contains("committed pages are kept", run.StandardError, StringComparison.Ordinal);
        }

        Assert.InRange(TableDump.Sqlite(db, ExportSchema.Conversations).Count, 100, int.MaxValue);
        Assert.Contains(TableDump.Sqlite(db, ExportSchema.ExportRuns), r => r.Contains("| cancelled |", StringComparison.Ordinal));

        using var rerun = await RunAsync(args);
        Assert.True(rerun.ExitCode == 0, rerun.ToString());
        var truth = await sandboxes.ConversationsPageAsync(From, new DateTimeOffset(2024, 7, 1, 0, 0, 0, TimeSpan.Zero));
        Assert.Equal(truth.TotalConversations, TableDump.Sqlite(db, ExportSchema.Conversations).Count);
    }

    [Fact]
    public async Task Media_that_cannot_be_stored_is_a_partial_failure_with_exit_2_and_the_rows_are_kept()
    {
        using var dir = new TempDirectory();
        var db = dir.File("rilla.db");
        var mediaDir = dir.File("media");
        Directory.CreateDirectory(mediaDir);
        // A file where the audio folder should be: every audio download fails to land.
        await File.WriteAllTextAsync(Path.Combine(mediaDir, "audio"), "in the way");
        using var cli = await RunAsync("export", "conversations", "--from", "2024-03-01", "--to", "2024-04-01", "--out", db, "--media", "audio", "--media-dir", mediaDir);

        Assert.True(cli.ExitCode == 2, cli.ToString());
        Assert.Contains("status: partial", cli.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("warning: audio of conversation", cli.StandardError, StringComparison.Ordinal);
        var truth = await sandboxes.ConversationsPageAsync(From, new DateTimeOffset(2024, 4, 1, 0, 0, 0, TimeSpan.Zero));
        Assert.Equal(truth.TotalConversations, TableDump.Sqlite(db, ExportSchema.Conversations).Count);
        Assert.Empty(TableDump.Sqlite(db, ExportSchema.Media));
        Assert.Contains(TableDump.Sqlite(db, ExportSchema.ExportRuns), r => r.Contains("| partial |", StringComparison.Ordinal));
    }

    [SkippableFact]
    public async Task Export_into_postgres_matches_the_api_totals_and_reruns_idempotently()
    {
        var connectionString = PostgresDatabase.CreateOrSkip();
        string[] args = ["export", "all", "--from", "2024-03-01", "--to", "2024-05-01", "--out", connectionString, "--media", "transcript", "--media-dir", Path.Combine(Path.GetTempPath(), "rillagen-pg-media-" + Guid.NewGuid().ToString("N"))];
        using var first = await RunAsync(args);
        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.DoesNotContain("Password", first.StandardError + first.StandardOutput, StringComparison.OrdinalIgnoreCase);
        var truth = await sandboxes.ConversationsPageAsync(From, To);
        var (teams, users) = await sandboxes.SnapshotCountsAsync(From, To);
        Assert.Equal(truth.TotalConversations, TableDump.Postgres(connectionString, ExportSchema.Conversations).Count);
        Assert.Equal(teams, TableDump.Postgres(connectionString, ExportSchema.Teams).Count);
        Assert.Equal(users, TableDump.Postgres(connectionString, ExportSchema.Users).Count);
        var before = DataTables.ToDictionary(t => t.Name, t => TableDump.Postgres(connectionString, t));

        using var second = await RunAsync(args);
        Assert.True(second.ExitCode == 0, second.ToString());
        foreach (var table in DataTables)
        {
            Assert.Equal(before[table.Name], TableDump.Postgres(connectionString, table));
        }
    }

    [Theory]
    [InlineData("jsonl")]
    [InlineData("csv")]
    public async Task Export_into_a_folder_matches_the_api_totals_and_reruns_without_duplicates(string format)
    {
        using var dir = new TempDirectory();
        var output = dir.File("export");
        IFolderFormat files = format == "csv" ? new CsvFormat() : new JsonlFormat();
        string[] args = ["export", "all", "--from", "2024-03-01", "--to", "2024-05-01", "--out", output, "--format", format];
        using var first = await RunAsync(args);
        Assert.True(first.ExitCode == 0, first.ToString());
        var truth = await sandboxes.ConversationsPageAsync(From, To);
        var (teams, _) = await sandboxes.SnapshotCountsAsync(From, To);
        Assert.Equal(truth.TotalConversations, TableDump.Folder(output, ExportSchema.Conversations, files).Count);
        Assert.Equal(teams, TableDump.Folder(output, ExportSchema.Teams, files).Count);
        var before = DataTables.ToDictionary(t => t.Name, t => TableDump.Folder(output, t, files));

        using var second = await RunAsync(args);
        Assert.True(second.ExitCode == 0, second.ToString());
        foreach (var table in DataTables)
        {
            Assert.Equal(before[table.Name], TableDump.Folder(output, table, files));
        }

        Assert.Empty(Directory.EnumerateFiles(output, "*.tmp-*", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task Since_last_continues_from_the_watermark()
    {
        using var dir = new TempDirectory();
        var db = dir.File("rilla.db");
        using var first = await RunAsync("export", "conversations", "--from", "2024-03-01", "--to", "2024-04-01", "--date-type", "processedDate", "--out", db);
        Assert.True(first.ExitCode == 0, first.ToString());

        using var next = await RunAsync("export", "conversations", "--since-last", "--to", "2024-05-01", "--lookback", "1d", "--out", db);
        Assert.True(next.ExitCode == 0, next.ToString());
        Assert.Contains("range: 2024-03-31T00:00:00.0000000Z .. 2024-05-01T00:00:00.0000000Z", next.StandardOutput, StringComparison.Ordinal);
        var truth = await sandboxes.ConversationsPageAsync(From, To, DateType.ProcessedDate);
        Assert.Equal(truth.TotalConversations, TableDump.Sqlite(db, ExportSchema.Conversations).Count);
    }

    [Fact]
    public async Task A_wrong_key_exits_3_before_anything_is_written()
    {
        using var dir = new TempDirectory();
        using var cli = await CliProcess.RunAsync(
            sandboxes.Args("export", "all", "--from", "2024-03-01", "--to", "2024-05-01", "--out", dir.File("rilla.db")),
            new Dictionary<string, string?> { ["RILLA_API_KEY"] = "wrong-key-1234" });

        Assert.Equal(3, cli.ExitCode);
        Assert.Contains("401", cli.StandardError, StringComparison.Ordinal);
        Assert.DoesNotContain("wrong-key-1234", cli.StandardError + cli.StandardOutput, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFileSystemEntries(dir.Path));
    }

    /// <summary>A progress line saying two or more pages are committed (lines are throttled, so any count from two on).</summary>
    private static bool AtLeastTwoPagesCommitted(string line)
    {
        var match = System.Text.RegularExpressions.Regex.Match(line, @"conversations: (\d+) pages");
        return match.Success && int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) >= 2;
    }

    private Task<CliProcess> RunAsync(params string[] args) => CliProcess.RunAsync(sandboxes.Args(args), SandboxPair.Environment);

    private static List<(string Id, string Kind, string Path, string Sha256)> ReadMedia(string db)
    {
        using var connection = new SqliteConnection($"Data Source={db};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT conversation_id, kind, path, sha256 FROM media";
        using var reader = command.ExecuteReader();
        var rows = new List<(string, string, string, string)>();
        while (reader.Read())
        {
            rows.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3)));
        }

        return rows;
    }
}
