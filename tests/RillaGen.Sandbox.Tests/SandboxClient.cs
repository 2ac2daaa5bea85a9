using System.Net.Http.Headers;
using System.Text;
using Newtonsoft.Json.Linq;

namespace RillaGen.Sandbox.Tests;

/// <summary>Raw HTTP against a sandbox, sending exactly the headers the reference shows.</summary>
internal sealed class SandboxClient : IDisposable
{
    public const string SampleRange = "\"fromDate\": \"2024-03-01T00:00:00Z\", \"toDate\": \"2024-04-01T00:00:00Z\"";

    private readonly HttpClient _http;

    public SandboxClient(RillaSandbox sandbox)
    {
        _http = new HttpClient { BaseAddress = sandbox.BaseAddress, Timeout = TimeSpan.FromMinutes(2) };
    }

    public HttpClient Http => _http;

    public Task<HttpResponseMessage> PostAsync(string path, string? apiKey, string body, string contentType = "application/json")
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(body, Encoding.UTF8) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        if (apiKey is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", apiKey);
        }

        return _http.SendAsync(request);
    }

    public Task<HttpResponseMessage> GetAsync(string path, string? apiKey)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (apiKey is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", apiKey);
        }

        return _http.SendAsync(request);
    }

    /// <summary>POSTs and returns the JSON body, failing unless the status is 200.</summary>
    public async Task<JObject> PostJsonAsync(string path, string body, string apiKey = "demo-key")
    {
        using var response = await PostAsync(path, apiKey, body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{path} answered {(int)response.StatusCode}: {text}");
        return JObject.Parse(text);
    }

    /// <summary>Every conversation of a range, page by page.</summary>
    public async Task<List<JObject>> AllConversationsAsync(string rangeJson, string apiKey = "demo-key", int limit = 50)
    {
        var all = new List<JObject>();
        var totalPages = 1;
        for (var page = 1; page <= totalPages; page++)
        {
            var body = await PostJsonAsync("/export/conversations", $$"""{ {{rangeJson}}, "page": {{page}}, "limit": {{limit}} }""", apiKey);
            totalPages = (int)body["totalPages"]!;
            all.AddRange(body["conversations"]!.Cast<JObject>());
        }

        return all;
    }

    public void Dispose() => _http.Dispose();
}
