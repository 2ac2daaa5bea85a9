// Pages through a large sandbox over HTTP and prints memory at checkpoints, to show that serving
// conversations costs memory per page, not per conversation held.
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Newtonsoft.Json;
using RillaGen.Sandbox;

var conversations = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1_000_000;
int[] checkpoints = [10_000, 100_000, 250_000, 500_000, 1_000_000];

var options = new RillaSandboxOptions { ConversationCount = conversations };
await using var sandbox = await RillaSandbox.StartAsync(options);
using var http = new HttpClient { BaseAddress = sandbox.BaseAddress, Timeout = TimeSpan.FromMinutes(1) };
http.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", "demo-key");

Console.WriteLine($"Sandbox {sandbox.BaseAddress} with {conversations:N0} conversations; paging the whole window, 50 per page.");
Console.WriteLine("served      pages   elapsed_s  conv_per_s  working_set_MB  peak_working_set_MB  gc_heap_after_full_gc_MB");
Report(0, 0, TimeSpan.Zero);

var range = $"\"fromDate\": \"{options.WindowStart:yyyy-MM-ddTHH:mm:ssZ}\", \"toDate\": \"{options.WindowEnd:yyyy-MM-ddTHH:mm:ssZ}\"";
var watch = Stopwatch.StartNew();
var served = 0;
var totalPages = 1;
var next = 0;
for (var page = 1; page <= totalPages; page++)
{
    using var content = new StringContent($"{{ {range}, \"page\": {page}, \"limit\": 50 }}", Encoding.UTF8, "application/json");
    using var response = await http.PostAsync(new Uri("export/conversations", UriKind.Relative), content);
    response.EnsureSuccessStatusCode();
    var (count, pages) = await CountAsync(response);
    served += count;
    totalPages = pages;
    while (next < checkpoints.Length && served >= checkpoints[next])
    {
        Report(served, page, watch.Elapsed);
        next++;
    }
}

if (next < checkpoints.Length)
{
    Report(served, totalPages, watch.Elapsed);
}

// Streams the page, counting conversations without keeping the body.
static async Task<(int Conversations, int TotalPages)> CountAsync(HttpResponseMessage response)
{
    await using var stream = await response.Content.ReadAsStreamAsync();
    using var reader = new JsonTextReader(new StreamReader(stream));
    int conversations = 0, totalPages = 0;
    while (await reader.ReadAsync())
    {
        if (reader.TokenType == JsonToken.PropertyName && reader.Depth == 1 && (string?)reader.Value == "totalPages")
        {
            totalPages = (await reader.ReadAsInt32Async()) ?? 0;
        }
        else if (reader.TokenType == JsonToken.PropertyName && reader.Depth == 3 && (string?)reader.Value == "conversationId")
        {
            conversations++;
        }
    }

    return (conversations, totalPages);
}

static void Report(int served, int pages, TimeSpan elapsed)
{
    using var process = Process.GetCurrentProcess();
    var workingSet = process.WorkingSet64;
    GC.Collect();
    GC.WaitForPendingFinalizers();
    GC.Collect();
    var heap = GC.GetTotalMemory(forceFullCollection: true);
    process.Refresh();
    var rate = elapsed.TotalSeconds > 0 ? served / elapsed.TotalSeconds : 0;
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{served,9:N0}  {pages,7:N0}  {elapsed.TotalSeconds,9:F1}  {rate,10:N0}  {workingSet / 1048576.0,14:F1}  {process.PeakWorkingSet64 / 1048576.0,19:F1}  {heap / 1048576.0,24:F1}"));
}
