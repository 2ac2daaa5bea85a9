// Loads N sandbox conversations into SQLite and PostgreSQL with the CLI's sinks (one transaction per page,
// prepared commands / binary COPY) and with naive one-row-per-transaction inserts; prints conversations/s and
// the process's peak memory. Usage:
//   dotnet run -c Release --project benchmarks/RillaGen.Cli.Benchmarks -- --n 100000 --mode sink|naive --target sqlite|postgres
// PostgreSQL needs RILLAGEN_TEST_POSTGRES (eval "$(bash .ci/start-postgres.sh)").
using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Npgsql;
using RillaGen;
using RillaGen.Cli.Benchmarks;
using RillaGen.Cli.Mapping;
using RillaGen.Cli.Source;
using RillaGen.Cli.Storage;
using RillaGen.Cli.Storage.Postgres;
using RillaGen.Cli.Storage.Sqlite;
using RillaGen.Sandbox;

var n = int.Parse(Arg("--n", "100000"), CultureInfo.InvariantCulture);
var mode = Arg("--mode", "sink");
var target = Arg("--target", "sqlite");

await using var sandbox = await RillaSandbox.StartAsync(new RillaSandboxOptions { ConversationCount = n });
using var source = RillaSourceFactory.Create(sandbox.BaseAddress, sandbox.Options.OrganizationKeys[0], concurrency: 4);
var request = new ExportConversationsRequest
{
    FromDate = sandbox.Options.WindowStart,
    ToDate = sandbox.Options.WindowEnd,
    Page = 1,
    Limit = 50,
};

var work = Path.Combine(Path.GetTempPath(), "rillagen-bench-" + Guid.NewGuid().ToString("N"));
Directory.CreateDirectory(work);
string? database = null;
Action<WriteBatch> write;
IAsyncDisposable? cleanup = null;
if (target == "postgres")
{
    var server = Environment.GetEnvironmentVariable("RILLAGEN_TEST_POSTGRES")
        ?? throw new InvalidOperationException("Set RILLAGEN_TEST_POSTGRES (eval \"$(bash .ci/start-postgres.sh)\").");
    database = "rillagen_bench_" + Guid.NewGuid().ToString("N")[..12];
    using (var admin = new NpgsqlConnection(server))
    {
        admin.Open();
        using var create = new NpgsqlCommand($"CREATE DATABASE {database}", admin);
        create.ExecuteNonQuery();
    }

    var connectionString = new NpgsqlConnectionStringBuilder(server) { Database = database }.ConnectionString;
    if (mode == "naive")
    {
        var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        var sink = new PostgresSink(connectionString);
        await sink.OpenAsync(CancellationToken.None); // same schema
        await sink.DisposeAsync();
        write = batch => NaiveLoader.WritePostgres(connection, batch);
        cleanup = connection;
    }
    else
    {
        var sink = new PostgresSink(connectionString);
        await sink.OpenAsync(CancellationToken.None);
        write = batch => sink.WriteAsync(batch, CancellationToken.None).GetAwaiter().GetResult();
        cleanup = sink;
    }
}
else
{
    var path = Path.Combine(work, "bench.db");
    if (mode == "naive")
    {
        var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        NaiveLoader.CreateSqliteSchema(connection);
        write = batch => NaiveLoader.WriteSqlite(connection, batch);
        cleanup = connection;
    }
    else
    {
        var sink = new SqliteSink(path);
        await sink.OpenAsync(CancellationToken.None);
        write = batch => sink.WriteAsync(batch, CancellationToken.None).GetAwaiter().GetResult();
        cleanup = sink;
    }
}

var load = new Stopwatch();
var wall = Stopwatch.StartNew();
long conversations = 0, rows = 0;
var page = new List<ConversationsExport>(50);
await foreach (var conversation in source.ExportAllConversationsAsync(request, CancellationToken.None))
{
    page.Add(conversation);
    if (page.Count == 50)
    {
        Flush();
    }
}

Flush();
wall.Stop();
await cleanup.DisposeAsync();

var peakMiB = Process.GetCurrentProcess().PeakWorkingSet64 / 1024d / 1024d;
// The machine is shared: the load average says how much the figure was disturbed.
var load1 = File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "n/a";
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"target={target} mode={mode} n={n} conversations={conversations} rows={rows} load_seconds={load.Elapsed.TotalSeconds:F2} conversations_per_second={conversations / load.Elapsed.TotalSeconds:F0} rows_per_second={rows / load.Elapsed.TotalSeconds:F0} wall_seconds={wall.Elapsed.TotalSeconds:F1} peak_working_set_mib={peakMiB:F0} load_average_1m={load1}"));

if (database is not null)
{
    NpgsqlConnection.ClearAllPools();
    using var admin = new NpgsqlConnection(Environment.GetEnvironmentVariable("RILLAGEN_TEST_POSTGRES"));
    admin.Open();
    using var drop = new NpgsqlCommand($"DROP DATABASE {database} WITH (FORCE)", admin);
    drop.ExecuteNonQuery();
}

Directory.Delete(work, recursive: true);
return 0;

void Flush()
{
    if (page.Count == 0)
    {
        return;
    }

    // Timed: mapping rows and writing them, which is what the sink choice changes.
    load.Start();
    var batch = new WriteBatch();
    foreach (var c in page)
    {
        ConversationRows.Add(batch, c);
    }

    rows += batch.Tables.Sum(t => t.Rows.Count);
    write(batch);
    load.Stop();
    conversations += page.Count;
    page.Clear();
}

string Arg(string name, string fallback)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? args[index + 1] : fallback;
}
