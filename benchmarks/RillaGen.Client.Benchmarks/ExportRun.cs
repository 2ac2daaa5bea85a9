using System.Diagnostics;
using System.Globalization;
using System.Text;
using Newtonsoft.Json;
using RillaGen.Sandbox;

namespace RillaGen.Client.Benchmarks;

internal sealed record ExportResult(long ElapsedMs, int Yielded, int Unique, long PeakManagedBytes, long PeakRssBytes, long CpuMs)
{
    public string ToLine() => string.Create(CultureInfo.InvariantCulture, $"RESULT {ElapsedMs} {Yielded} {Unique} {PeakManagedBytes} {PeakRssBytes} {CpuMs}");

    public static ExportResult FromLine(string line)
    {
        var parts = line.Split(' ');
        return new ExportResult(long.Parse(parts[1], CultureInfo.InvariantCulture), int.Parse(parts[2], CultureInfo.InvariantCulture), int.Parse(parts[3], CultureInfo.InvariantCulture), long.Parse(parts[4], CultureInfo.InvariantCulture), long.Parse(parts[5], CultureInfo.InvariantCulture), long.Parse(parts[6], CultureInfo.InvariantCulture));
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
        var output = await child.StandardOutput.ReadToEndAsync();
        await child.WaitForExitAsync();
        var line = output.Split('\n').FirstOrDefault(l => l.StartsWith("RESULT ", StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"The {mode} run printed no result (exit {child.ExitCode}): {output}");
        return ExportResult.FromLine(line.Trim());
    }

    public static async Task RunChildAsync(BenchmarkArguments arguments)
    {
        Func<int, Task<(int, int)>> export = arguments.Mode switch
        {
            "sequential" => pages => SequentialReferenceLoopAsync(arguments.BaseAddress!, pages),
            "pager" => pages => PagerAsync(arguments.BaseAddress!, arguments.Concurrency, pages),
            _ => throw new ArgumentException($"Unknown mode '{arguments.Mode}'.", nameof(arguments)),
        };

        // Warm-up: 20 pages through the same code, so JIT tiering and connection set-up are not timed
        // (a long-running exporter runs steady-state code; two pages left most of the run in tier-0 code).
        await export(20);
        using var sampler = new MemorySampler();
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var stopwatch = Stopwatch.StartNew();
        var (yielded, unique) = await export(int.MaxValue);
        stopwatch.Stop();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
        Console.WriteLine(new ExportResult(stopwatch.ElapsedMilliseconds, yielded, unique, sampler.PeakManagedBytes, MemorySampler.PeakRssBytes(), (long)cpu.TotalMilliseconds).ToLine());
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
