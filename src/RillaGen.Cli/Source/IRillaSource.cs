namespace RillaGen.Cli.Source;

/// <summary>
/// What the CLI needs from the Rilla API. Shaped like the client runtime's RillaExportClient so that moving
/// from the raw generated client to it changes only <see cref="RillaSourceFactory"/>.
/// </summary>
internal interface IRillaSource : IDisposable
{
    /// <summary>One page; used to check the key and learn the totals before anything is written.</summary>
    Task<ExportConversationsResponse> ExportConversationsAsync(ExportConversationsRequest request, CancellationToken cancellationToken);

    /// <summary>Every conversation from the request's page to the last page, in order, without duplicates.</summary>
    IAsyncEnumerable<ConversationsExport> ExportAllConversationsAsync(ExportConversationsRequest request, CancellationToken cancellationToken);

    Task<ExportTeamsResponse> ExportTeamsAsync(ExportTeamsRequest request, CancellationToken cancellationToken);

    Task<ExportUsersResponse> ExportUsersAsync(ExportUsersRequest request, CancellationToken cancellationToken);

    /// <summary>Streams the audio into the destination, refreshing an expired URL by id.</summary>
    Task DownloadAudioAsync(ConversationsExport conversation, Stream destination, CancellationToken cancellationToken);

    /// <summary>Streams the transcript into the destination, refreshing an expired URL by id.</summary>
    Task DownloadTranscriptAsync(ConversationsExport conversation, Stream destination, CancellationToken cancellationToken);
}
