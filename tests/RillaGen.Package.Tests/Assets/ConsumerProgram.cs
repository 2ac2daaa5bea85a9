using RillaGen;

// A user's first program: export one page of conversations and print what came back.
var baseUrl = Environment.GetEnvironmentVariable("RILLA_BASE_URL") ?? throw new InvalidOperationException("Set RILLA_BASE_URL.");
var apiKey = Environment.GetEnvironmentVariable("RILLA_API_KEY") ?? throw new InvalidOperationException("Set RILLA_API_KEY.");

using var http = new HttpClient();
http.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", apiKey);
var client = new RillaExportClient(http) { BaseUrl = baseUrl };

var page = await client.ExportConversationsAsync(new ExportConversationsRequest
{
    FromDate = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero),
    ToDate = new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero),
    Page = 1,
    Limit = 10,
});

Console.WriteLine($"exported {page.Conversations.Count} of {page.TotalConversations} conversations (page {page.CurrentPage} of {page.TotalPages})");
return page.Conversations.Count > 0 ? 0 : 1;
