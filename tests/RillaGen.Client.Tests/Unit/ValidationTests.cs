using RillaGen.Client.Tests.Support;
using Xunit;

namespace RillaGen.Client.Tests.Unit;

/// <summary>Bad input fails before any request, with an ArgumentException naming the field.</summary>
public sealed class ValidationTests : IDisposable
{
    private static readonly DateTimeOffset From = new(2024, 3, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset To = new(2024, 4, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly ScriptedHandler _transport = new();
    private readonly HttpClient _http;
    private readonly RillaExportClient _client;

    public ValidationTests()
    {
        _http = new HttpClient(_transport);
        _client = new RillaExportClient(new RillaClientOptions { ApiKey = "demo-key", BaseAddress = new Uri("http://127.0.0.1:9") }, _http);
    }

    public void Dispose()
    {
        _client.Dispose();
        _http.Dispose();
        _transport.Dispose();
    }

    [Theory]
    [InlineData(0)]
    [InlineData(51)]
    [InlineData(-1)]
    public async Task LimitOutsideTheSpecRangeIsRejected(int limit)
    {
        var error = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => _client.ExportConversationsAsync(Request(r => r.Limit = limit), CancellationToken.None));
        Assert.Contains("Limit", error.Message, StringComparison.Ordinal);
        Assert.Contains("between 1 and 50", error.Message, StringComparison.Ordinal);
        Assert.Empty(_transport.Requests);
    }

    [Fact]
    public async Task PageBelowOneIsRejected()
    {
        var error = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => _client.ExportConversationsAsync(Request(r => r.Page = 0), CancellationToken.None));
        Assert.Equal("ExportConversationsRequest.Page", error.ParamName);
        Assert.Empty(_transport.Requests);
    }

    [Fact]
    public async Task MissingDatesAreRejected()
    {
        var noFrom = await Assert.ThrowsAsync<ArgumentException>(() => _client.ExportConversationsAsync(new ExportConversationsRequest { ToDate = To }, CancellationToken.None));
        Assert.Contains("FromDate is required", noFrom.Message, StringComparison.Ordinal);
        var noTo = await Assert.ThrowsAsync<ArgumentException>(() => _client.ExportTeamsAsync(new ExportTeamsRequest { FromDate = From }, CancellationToken.None));
        Assert.Contains("ExportTeamsRequest.ToDate is required", noTo.Message, StringComparison.Ordinal);
        Assert.Empty(_transport.Requests);
    }

    [Fact]
    public async Task FromDateAfterToDateIsRejected()
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => _client.ExportUsersAsync(new ExportUsersRequest { FromDate = To, ToDate = From }, CancellationToken.None));
        Assert.Contains("FromDate", error.Message, StringComparison.Ordinal);
        Assert.Contains("must not be after ToDate", error.Message, StringComparison.Ordinal);
        Assert.Empty(_transport.Requests);
    }

    [Theory]
    [InlineData("not-an-email")]
    [InlineData("Jane <jane@example.com>")]
    [InlineData(" jane@example.com")]
    [InlineData("")]
    public async Task AnInvalidEmailInUsersIsRejected(string email)
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => _client.ExportConversationsAsync(Request(r => r.Users = new List<string> { "ok@example.com", email }), CancellationToken.None));
        Assert.Contains("Users[1]", error.Message, StringComparison.Ordinal);
        Assert.Empty(_transport.Requests);
    }

    [Fact]
    public async Task AnEmptyConversationIdIsRejected()
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => _client.GetConversationAsync(Guid.Empty, CancellationToken.None));
        Assert.Equal("conversationId", error.ParamName);
        Assert.Empty(_transport.Requests);
    }

    [Fact]
    public void ExportAllValidatesAtTheCallBeforeEnumerating()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => _client.ExportAllConversationsAsync(Request(r => r.Limit = 500)));
        Assert.Contains("Limit", error.Message, StringComparison.Ordinal);
        Assert.Empty(_transport.Requests);
    }

    [Fact]
    public void SerializingARequestOutsideTheClientIsNotValidated()
    {
        var json = Newtonsoft.Json.JsonConvert.SerializeObject(new ExportConversationsRequest { Limit = 500 });
        Assert.Contains("\"limit\":500", json, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Bearer demo-key", "prefix")]
    [InlineData("basic demo-key", "prefix")]
    [InlineData("demo-key\n", "whitespace")]
    [InlineData("demo key", "whitespace")]
    [InlineData("", "required")]
    public void AnApiKeyWithAPrefixOrWhitespaceIsRejectedWithoutEchoingIt(string key, string rule)
    {
        var error = Assert.Throws<ArgumentException>(() => new RillaExportClient(new RillaClientOptions { ApiKey = key }));
        Assert.Equal("options.ApiKey", error.ParamName);
        Assert.Contains(rule, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("demo", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://customer.rillavoice.com", false)]
    [InlineData("ftp://127.0.0.1", false)]
    [InlineData("http://127.0.0.1:5080", true)]
    [InlineData("http://localhost:5080", true)]
    [InlineData("http://[::1]:5080", true)]
    [InlineData("https://customer.rillavoice.com", true)]
    public void BaseAddressMustBeHttpsExceptOnLoopback(string address, bool accepted)
    {
        var options = new RillaClientOptions { ApiKey = "demo-key", BaseAddress = new Uri(address) };
        if (accepted)
        {
            using var client = new RillaExportClient(options);
            Assert.Equal(address.TrimEnd('/') + "/", client.BaseUrl);
        }
        else
        {
            var error = Assert.Throws<ArgumentException>(() => new RillaExportClient(options));
            Assert.Equal("options.BaseAddress", error.ParamName);
        }
    }

    [Fact]
    public void AnHttpClientWithADefaultAuthorizationHeaderIsRefused()
    {
        using var http = new HttpClient();
        http.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", "demo-key");
        var error = Assert.Throws<ArgumentException>(() => new RillaExportClient(new RillaClientOptions { ApiKey = "demo-key" }, http));
        Assert.Contains("Authorization", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(nameof(RillaClientOptions.MaxConcurrency))]
    [InlineData(nameof(RillaClientOptions.MaxRetries))]
    [InlineData(nameof(RillaClientOptions.AttemptTimeout))]
    [InlineData(nameof(RillaClientOptions.RetryBaseDelay))]
    public void OutOfRangeSettingsNameTheField(string field)
    {
        var options = new RillaClientOptions { ApiKey = "demo-key" };
        switch (field)
        {
            case nameof(RillaClientOptions.MaxConcurrency): options.MaxConcurrency = 0; break;
            case nameof(RillaClientOptions.MaxRetries): options.MaxRetries = -1; break;
            case nameof(RillaClientOptions.AttemptTimeout): options.AttemptTimeout = TimeSpan.Zero; break;
            default: options.RetryBaseDelay = TimeSpan.Zero; break;
        }

        var error = Assert.Throws<ArgumentException>(() => new RillaExportClient(options));
        Assert.Equal("options." + field, error.ParamName);
    }

    private static ExportConversationsRequest Request(Action<ExportConversationsRequest> change)
    {
        var request = new ExportConversationsRequest { FromDate = From, ToDate = To };
        change(request);
        return request;
    }
}
