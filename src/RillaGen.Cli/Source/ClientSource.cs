namespace RillaGen.Cli.Source;

/// <summary>
/// The CLI's API access through the client runtime: concurrent auto-pagination with de-duplication,
/// Polly retries (429/5xx/network, Retry-After), and media downloads that refresh expired URLs by id.
/// </summary>
internal sealed class ClientSource(RillaExportClient client) : IRillaSource
{
    public Task<ExportConversationsResponse> ExportConversationsAsync(ExportConversationsRequest request, CancellationToken cancellationToken) =>
        client.ExportConversationsAsync(request, cancellationToken);

    public IAsyncEnumerable<ConversationsExport> ExportAllConversationsAsync(ExportConversationsRequest request, CancellationToken cancellationToken) =>
        client.ExportAllConversationsAsync(request, cancellationToken);

    public Task<ExportTeamsResponse> ExportTeamsAsync(ExportTeamsRequest request, CancellationToken cancellationToken) =>
        client.ExportTeamsAsync(request, cancellationToken);

    public Task<ExportUsersResponse> ExportUsersAsync(ExportUsersRequest request, CancellationToken cancellationToken) =>
        client.ExportUsersAsync(request, cancellationToken);

    public Task DownloadAudioAsync(ConversationsExport conversation, Stream destination, CancellationToken cancellationToken) =>
        client.DownloadAudioAsync(conversation, destination, cancellationToken);

    public Task DownloadTranscriptAsync(ConversationsExport conversation, Stream destination, CancellationToken cancellationToken) =>
        client.DownloadTranscriptAsync(conversation, destination, cancellationToken);

    public void Dispose() => client.Dispose();
}
