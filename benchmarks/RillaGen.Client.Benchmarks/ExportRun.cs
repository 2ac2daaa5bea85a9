using System.Diagnostics;
using System.Globalization;
using System.Text;
using Newtonsoft.Json;
using RillaGen.Sandbox;

namespace RillaGen.Client.Benchmarks;

/// <summary>One timed export; the CPU split (JIT, allocations, full collections) is the client's during the timed part.</summary>
internal sealed record ExportResult(long ElapsedMs, int Yielded, int Unique, long PeakManagedBytes, long PeakRssBytes, long CpuMs, long JitMs, long AllocatedBytes, int Gen2Collections)
{
    /// <summary>The child prints this just before its timed export starts, so the parent can time its own (the sandbox's) CPU.</summary>
    public const string StartLine = "START";

    /// <summary>CPU the parent process (the sandbox) used while the timed export ran.</summary>
    public long SandboxCpuMs { get; init; }

    public string ToLine() => string.Create(CultureInfo.InvariantCulture, $"RESULT {ElapsedMs} {Yielded} {Unique} {PeakManagedBytes} {PeakRssBytes} {CpuMs} {JitMs} {AllocatedBytes} {Gen2Collections}");

    public static ExportResult FromLine(string line)
    {
        var parts = line.Split(' ');
        long Part(int i) => long.Parse(parts[i], CultureInfo.InvariantCulture);
        return new ExportResult(Part(1), (int)Part(2), (int)Part(3), Part(4), Part(5), Part(6), Part(7), Part(8), (int)Part(9));
    }
}

/// <summary>One export, in a process of its own: the reference's sequential loop or the auto-pager.</summary>
internal static class ExportRun
{
    private static readonly DateTimeOffset From = new RillaSandboxOptions().WindowStart;
    private static readonly DateTimeOffset To = new RillaSandboxOptions().WindowEnd;

    public static async Task<ExportResult> InChildAsync(string mode, Uri baseAddress, BenchmarkArguments arguments)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath!)
        {
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        var entry = typeof(ExportRun).Assembly.Location;
        // Under the dotnet host the child needs the entry assembly; under the app host it does not.
        if (Path.GetFileName(Environment.ProcessPath!).StartsWith("dotnet", StringComparison.OrdinalIgnoreCase))
        {
            start.ArgumentList.Add(entry);
        }

        foreach (var argument in arguments.ToChildArguments(mode, baseAddress).Split(' '))
        {
            start.ArgumentList.Add(argument);
        }

        using var child = Process.Start(start)!;
        var output = new StringBuilder();
        TimeSpan? sandboxCpuAtStart = null;
        ExportResult? result = null;
        while (await child.StandardOutput.ReadLineAsync() is { } line)
        {
            output.AppendLine(line);
            if (line == ExportResult.StartLine)
            {
                sandboxCpuAtStart = ParentCpu();
            }
            else if (line.StartsWith("RESULT ", StringComparison.Ordinal) && sandboxCpuAtStart is { } atStart)
            {
                result = ExportResult.FromLine(line.Trim()) with { SandboxCpuMs = (long)(ParentCpu() - atStart).TotalMilliseconds };
            }
        }

        await child.WaitForExitAsync();
        return result ?? throw new InvalidOperationException($"The {mode} run printed no result (exit {child.ExitCode}): {output}");
    }

    private static TimeSpan ParentCpu()
    {
        using var self = Process.GetCurrentProcess();
        return self.TotalProcessorTime;
    }

    public static async Task RunChildAsync(BenchmarkArguments arguments)
    {
        Func<int, Task<(int, int)>> export = arguments.Mode switch
        {
            "sequential" => pages => SequentialReferenceLoopAsync(arguments.BaseAddress!, pages),
            "pager" => pages => PagerAsync(arguments.BaseAddress!, arguments.Concurrency, pages),
            _ => throw new ArgumentException($"Unknown mode '{arguments.Mode}'.", nameof(arguments)),
        };

        // Warm-up: one whole export through the same code first, untimed, so the timed export runs the
        // steady-state code a long-running exporter runs: JIT tiering (and dynamic PGO's re-JIT, which
        // competes for the 2 cores) and connection set-up are done before the clock starts.
        await export(int.MaxValue);
        Console.WriteLine(ExportResult.StartLine);
        using var sampler = new MemorySampler();
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var jitBefore = System.Runtime.JitInfo.GetCompilationTime();
        var allocatedBefore = GC.GetTotalAllocatedBytes();
        var gen2Before = GC.CollectionCount(2);
        var stopwatch = Stopwatch.StartNew();
        var (yielded, unique) = await export(int.MaxValue);
        stopwatch.Stop();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
        var jit = System.Runtime.JitInfo.GetCompilationTime() - jitBefore;
        Console.WriteLine(new ExportResult(stopwatch.ElapsedMilliseconds, yielded, unique, sampler.PeakManagedBytes, MemorySampler.PeakRssBytes(), (long)cpu.TotalMilliseconds,
            (long)jit.TotalMilliseconds, GC.GetTotalAllocatedBytes() - allocatedBefore, GC.CollectionCount(2) - gen2Before).ToLine());
    }

    /// <summary>The reference's fetch_all_conversations, in C# with a plain HttpClient: one page after another, all kept.</summary>
    private static async Task<(int, int)> SequentialReferenceLoopAsync(Uri baseAddress, int maxPages)
    {
        using var http = new HttpClient { BaseAddress = baseAddress };
        http.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", "demo-key");
        var conversations = new List<ConversationsExport>();
        var page = 1;
        var totalPages = 1;
        while (page <= totalPages && page <= maxPages)
        {
            var payload = JsonConvert.SerializeObject(new { fromDate = From, toDate = To, page, limit = 50 });
            using var content = new StringContent(payload, Encoding.UTF8, "application/json");
            using var response = await http.PostAsync(new Uri("export/conversations", UriKind.Relative), content);
            var data = JsonConvert.DeserializeObject<ExportConversationsResponse>(await response.Content.ReadAsStringAsync())!;
            conversations.AddRange(data.Conversations);
            totalPages = data.TotalPages;
            page++;
        }

        return (conversations.Count, conversations.Select(c => c.ConversationId).Distinct().Count());
    }

    private static async Task<(int, int)> PagerAsync(Uri baseAddress, int concurrency, int maxPages)
    {
        using var client = new RillaExportClient(new RillaClientOptions { ApiKey = "demo-key", BaseAddress = baseAddress, MaxConcurrency = concurrency });
        var ids = new HashSet<Guid>();
        var yielded = 0;
        await foreach (var conversation in client.ExportAllConversationsAsync(new ExportConversationsRequest { FromDate = From, ToDate = To, Limit = 50 }))
        {
            yielded++;
            ids.Add(conversation.ConversationId);
            if (yielded == maxPages * 50L)
            {
                break;
            }
        }

        return (yielded, ids.Count);
    }
}
