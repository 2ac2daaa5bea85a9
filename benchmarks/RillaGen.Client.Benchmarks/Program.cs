using System.Globalization;
using RillaGen.Client.Benchmarks;
using RillaGen.Sandbox;

// Usage:
//   dotnet run -c Release --project benchmarks/RillaGen.Client.Benchmarks -- [--conversations 10000] [--latency-ms 50] [--concurrency 8] [--repeat 3] [--flatness]
// The parent starts the sandbox; each export runs in a child process of its own, so peak memory is
// measured for that export alone.
var arguments = BenchmarkArguments.Parse(args);
if (arguments.Mode is not null)
{
    await ExportRun.RunChildAsync(arguments);
    return;
}

Console.WriteLine($"RillaGen client benchmark: {arguments.Conversations} conversations, {arguments.LatencyMs} ms latency per request, MaxConcurrency {arguments.Concurrency}");
Console.WriteLine($".NET {Environment.Version}, {Environment.ProcessorCount} cores, {RuntimeGc()}, load average at start: {LoadAverage()}");
Console.WriteLine();

var sizes = arguments.Flatness ? new[] { arguments.Conversations / 4, arguments.Conversations / 2, arguments.Conversations, arguments.Conversations * 2 } : new[] { arguments.Conversations };
var results = new List<(int N, ExportResult Sequential, ExportResult Pager)>();
foreach (var n in sizes)
{
    await using var sandbox = await RillaSandbox.StartAsync(new RillaSandboxOptions
    {
        ConversationCount = n,
        Faults = new SandboxFaultOptions { Latency = TimeSpan.FromMilliseconds(arguments.LatencyMs) },
    });
    // Warm the sandbox too, so neither run pays for its JIT.
    await ExportRun.InChildAsync("pager", sandbox.BaseAddress, arguments);
    // Alternate the two ways and keep each one's fastest run: on a shared machine, the fastest run is the
    // one least disturbed by other processes.
    ExportResult? sequential = null;
    ExportResult? pager = null;
    for (var repeat = 0; repeat < arguments.Repeat; repeat++)
    {
        var s = await ExportRun.InChildAsync("sequential", sandbox.BaseAddress, arguments);
        var p = await ExportRun.InChildAsync("pager", sandbox.BaseAddress, arguments);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  N={n:N0} run {repeat + 1}: sequential {s.ElapsedMs:N0} ms, pager {p.ElapsedMs:N0} ms ({(double)s.ElapsedMs / p.ElapsedMs:F1}x); load {LoadAverage()}"));
        Console.WriteLine($"    {CpuSplit("sequential", s)}");
        Console.WriteLine($"    {CpuSplit("pager", p)}");
        sequential = sequential is null || s.ElapsedMs < sequential.ElapsedMs ? s : sequential;
        pager = pager is null || p.ElapsedMs < pager.ElapsedMs ? p : pager;
    }

    if (sequential is null || pager is null)
    {
        throw new InvalidOperationException("--repeat must be at least 1.");
    }

    if (sequential.Unique != n || pager.Unique != n)
    {
        throw new InvalidOperationException($"Expected {n} conversations; sequential got {sequential.Unique}, pager {pager.Unique}.");
    }

    results.Add((n, sequential, pager));
}

Console.WriteLine($"load average at end: {LoadAverage()}");
Console.WriteLine();
Console.WriteLine($"Fastest of {arguments.Repeat} runs each:");
Console.WriteLine();
Console.WriteLine("| conversations | sequential loop (plain HttpClient) | ExportAllConversationsAsync | speed-up | peak managed heap: sequential / pager | peak RSS: sequential / pager | client CPU: sequential / pager | sandbox CPU: sequential / pager |");
Console.WriteLine("|---:|---:|---:|---:|---:|---:|---:|---:|");
foreach (var (n, s, p) in results)
{
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"| {n:N0} | {s.ElapsedMs:N0} ms | {p.ElapsedMs:N0} ms | {(double)s.ElapsedMs / p.ElapsedMs:F1}x | {Mb(s.PeakManagedBytes)} / {Mb(p.PeakManagedBytes)} | {Mb(s.PeakRssBytes)} / {Mb(p.PeakRssBytes)} | {s.CpuMs:N0} ms / {p.CpuMs:N0} ms | {s.SandboxCpuMs:N0} ms / {p.SandboxCpuMs:N0} ms |"));
}

static string CpuSplit(string mode, ExportResult r) => string.Create(CultureInfo.InvariantCulture,
    $"{mode}: client CPU {r.CpuMs:N0} ms (JIT {r.JitMs:N0} ms, {r.AllocatedBytes / 1024.0 / 1024.0:F0} MB allocated, {r.Gen2Collections} gen-2 GCs), sandbox CPU {r.SandboxCpuMs:N0} ms");

static string Mb(long bytes) => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0 / 1024.0:F1} MB");

static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

static string RuntimeGc() => System.Runtime.GCSettings.IsServerGC ? "server GC" : "workstation GC";

internal sealed record BenchmarkArguments(int Conversations, int LatencyMs, int Concurrency, bool Flatness, int Repeat, string? Mode, Uri? BaseAddress)
{
    public static BenchmarkArguments Parse(string[] args)
    {
        var parsed = new BenchmarkArguments(10_000, 50, 8, false, 3, null, null);
        for (var i = 0; i < args.Length; i++)
        {
            parsed = args[i] switch
            {
                "--conversations" => parsed with { Conversations = int.Parse(args[++i], CultureInfo.InvariantCulture) },
                "--latency-ms" => parsed with { LatencyMs = int.Parse(args[++i], CultureInfo.InvariantCulture) },
                "--concurrency" => parsed with { Concurrency = int.Parse(args[++i], CultureInfo.InvariantCulture) },
                "--flatness" => parsed with { Flatness = true },
                "--repeat" => parsed with { Repeat = int.Parse(args[++i], CultureInfo.InvariantCulture) },
                "--mode" => parsed with { Mode = args[++i] },
                "--base-address" => parsed with { BaseAddress = new Uri(args[++i]) },
                _ => throw new ArgumentException($"Unknown argument '{args[i]}'. Use --conversations N, --latency-ms N, --concurrency N, --repeat N, --flatness.", nameof(args)),
            };
        }

        return parsed;
    }

    public string ToChildArguments(string mode, Uri baseAddress) =>
        string.Create(CultureInfo.InvariantCulture, $"--mode {mode} --base-address {baseAddress} --concurrency {Concurrency}");
}
