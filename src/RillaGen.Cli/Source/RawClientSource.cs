using System.Net;
using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using Polly;
using Polly.Retry;

namespace RillaGen.Cli.Source;

/// <summary>
/// The CLI's bridge to the generated client: sequential paging with de-duplication, Polly retries for
/// transient failures, and media downloads that refresh expired URLs through GetConversationAsync.
/// Replaced by the client runtime's RillaExportClient once that lands.
/// </summary>
internal sealed class RawClientSource : IRillaSource
{
    private const int PageSize = 50;
    private readonly HttpClient _apiHttp;
    private readonly HttpClient _mediaHttp;
    private readonly RillaExportClient _client;
    private readonly ResiliencePipeline _retry;

    public RawClientSource(Uri baseAddress, string apiKey)
    {
        _apiHttp = new HttpClient { Timeout = TimeSpan.FromSeconds(100) };
        _apiHttp.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", apiKey);
        // Presigned media URLs must not carry the API key (S3 rejects a request that has both).
        _mediaHttp = new HttpClient { Timeout = TimeSpan.FromMinutes(30) };
        _client = new RillaExportClient(_apiHttp) { BaseUrl = baseAddress.ToString() };
        _retry = new ResiliencePipelineBuilder()
            .AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = 8,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = TimeSpan.FromMilliseconds(200),
                MaxDelay = TimeSpan.FromSeconds(10),
                ShouldHandle = new PredicateBuilder().Handle<Exception>(IsTransient),
                DelayGenerator = args => ValueTask.FromResult(RetryAfter(args.Outcome.Exception)),
            })
            .Build();
    }

    public Task<ExportConversationsResponse> ExportConversationsAsync(ExportConversationsRequest request, CancellationToken cancellationToken) =>
        _retry.ExecuteAsync(async ct => await _client.ExportConversationsAsync(request, ct).ConfigureAwait(false), cancellationToken).AsTask();

    public async IAsyncEnumerable<ConversationsExport> ExportAllConversationsAsync(
        ExportConversationsRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var seen = new HashSet<Guid>();
        var page = request.Page ?? 1;
        int totalPages;
        do
        {
            var pageRequest = new ExportConversationsRequest
            {
                FromDate = request.FromDate,
                ToDate = request.ToDate,
                DateType = request.DateType,
                Users = request.Users,
                Limit = request.Limit ?? PageSize,
                Page = page,
            };
            var response = await ExportConversationsAsync(pageRequest, cancellationToken).ConfigureAwait(false);
            totalPages = response.TotalPages;
            foreach (var conversation in response.Conversations)
            {
                if (seen.Add(conversation.ConversationId))
                {
                    yield return conversation;
                }
            }

            page++;
        }
        while (page <= totalPages);
    }

    public Task<ExportTeamsResponse> ExportTeamsAsync(ExportTeamsRequest request, CancellationToken cancellationToken) =>
        _retry.ExecuteAsync(async ct => await _client.ExportTeamsAsync(request, ct).ConfigureAwait(false), cancellationToken).AsTask();

    public Task<ExportUsersResponse> ExportUsersAsync(ExportUsersRequest request, CancellationToken cancellationToken) =>
        _retry.ExecuteAsync(async ct => await _client.ExportUsersAsync(request, ct).ConfigureAwait(false), cancellationToken).AsTask();

    public Task DownloadAudioAsync(ConversationsExport conversation, Stream destination, CancellationToken cancellationToken) =>
        DownloadAsync(conversation, c => c.AudioUrl, destination, cancellationToken);

    public Task DownloadTranscriptAsync(ConversationsExport conversation, Stream destination, CancellationToken cancellationToken) =>
        DownloadAsync(conversation, c => c.TranscriptUrl, destination, cancellationToken);

    public void Dispose()
    {
        _apiHttp.Dispose();
        _mediaHttp.Dispose();
    }

    private async Task DownloadAsync(ConversationsExport conversation, Func<ConversationsExport, string> urlOf, Stream destination, CancellationToken cancellationToken)
    {
        var start = destination.CanSeek ? destination.Position : 0;
        var url = urlOf(conversation);
        for (var attempt = 0; ; attempt++)
        {
            var uri = new Uri(url, UriKind.Absolute);
            using var response = await _retry.ExecuteAsync(
                async ct => await SendMediaAsync(uri, ct).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
            if (response.StatusCode == HttpStatusCode.Forbidden && attempt == 0)
            {
                // Expired presigned URL: ask for the conversation again, for fresh URLs.
                var fresh = await _retry.ExecuteAsync(
                    async ct => await _client.GetConversationAsync(conversation.ConversationId, ct).ConfigureAwait(false), cancellationToken).ConfigureAwait(false)
                    ?? throw new InvalidOperationException($"Conversation {conversation.ConversationId} no longer exists; its media cannot be refreshed.");
                url = urlOf(fresh);
                continue;
            }

            if (!response.IsSuccessStatusCode)
            {
                throw new HttpRequestException($"Media download for conversation {conversation.ConversationId} failed with {(int)response.StatusCode}.", null, response.StatusCode);
            }

            if (destination.CanSeek)
            {
                destination.Position = start;
                destination.SetLength(start);
            }

            await using var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            await body.CopyToAsync(destination, cancellationToken).ConfigureAwait(false);
            return;
        }
    }

    private async Task<HttpResponseMessage> SendMediaAsync(Uri url, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        var response = await _mediaHttp.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        if ((int)response.StatusCode is 429 or >= 500)
        {
            var status = response.StatusCode;
            response.Dispose();
            throw new HttpRequestException($"Media server answered {(int)status}.", null, status);
        }

        return response;
    }

    private static bool IsTransient(Exception exception) => exception switch
    {
        RillaApiException api => api.IsTransient || api.StatusCode == 200, // 200 with an unreadable (truncated) body
        HttpRequestException or IOException => true,
        Newtonsoft.Json.JsonException => true,
        TaskCanceledException or TimeoutException => true,
        _ => false,
    };

    private static TimeSpan? RetryAfter(Exception? exception)
    {
        if (exception is RillaApiException { StatusCode: 429 } api
            && api.Headers.TryGetValue("Retry-After", out var values)
            && RetryConditionHeaderValue.TryParse(values.FirstOrDefault(), out var retryAfter))
        {
            var delay = retryAfter.Delta ?? (retryAfter.Date - DateTimeOffset.UtcNow) ?? TimeSpan.Zero;
            return delay < TimeSpan.Zero ? TimeSpan.Zero : delay > TimeSpan.FromSeconds(30) ? TimeSpan.FromSeconds(30) : delay;
        }

        return null;
    }
}
