using RillaGen;

// Exports the first page of conversations recorded in a date range and prints a short summary.
// RILLA_BASE_URL: the API (default: Rilla's production API). RILLA_API_KEY: the raw API key.
var baseUrl = Environment.GetEnvironmentVariable("RILLA_BASE_URL") ?? "https://customer.rillavoice.com";
var apiKey = Environment.GetEnvironmentVariable("RILLA_API_KEY");
if (string.IsNullOrEmpty(apiKey))
{
    await Console.Error.WriteLineAsync("Set RILLA_API_KEY to your Rilla API key (the raw key, no prefix).");
    return 2;
}

using var http = new HttpClient();
http.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", apiKey);
var client = new RillaExportClient(http) { BaseUrl = baseUrl };

var page = await client.ExportConversationsAsync(new ExportConversationsRequest
{
    FromDate = new DateTimeOffset(2024, 3, 1, 0, 0, 0, TimeSpan.Zero),
    ToDate = new DateTimeOffset(2024, 4, 1, 0, 0, 0, TimeSpan.Zero),
    Page = 1,
    Limit = 10,
});

Console.WriteLine($"Page {page.CurrentPage} of {page.TotalPages}: {page.Conversations.Count} of {page.TotalConversations} conversations.");
foreach (var conversation in page.Conversations)
{
    Console.WriteLine($"  {conversation.Date:yyyy-MM-dd}  {conversation.Title}  ({conversation.Checklists.Count} checklists)");
}

return 0;
