using System.Collections.Generic;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace RillaGen
{
    /// <summary>The hand-written half of the client's interface: paging and media downloads.</summary>
    public partial interface IRillaExportClient
    {
        /// <summary>
        /// Every conversation from the request's page to the last page, de-duplicated by conversationId.
        /// Pages after the first are fetched concurrently (up to <see cref="RillaClientOptions.MaxConcurrency"/>)
        /// but yielded in page order, holding at most that many pages in memory.
        /// </summary>
        /// <param name="request">The date range and filters; <c>Page</c> is the first page to read.</param>
        /// <param name="cancellationToken">Stops paging and cancels the requests in flight.</param>
        /// <exception cref="System.ArgumentException">A field of <paramref name="request"/> is invalid.</exception>
        /// <exception cref="RillaApiException">The API failed and retries did not help.</exception>
        IAsyncEnumerable<ConversationsExport> ExportAllConversationsAsync(ExportConversationsRequest request, CancellationToken cancellationToken = default);

        /// <summary>
        /// Streams the conversation's audio to <paramref name="destination"/>. If the presigned URL has
        /// expired, fetches the conversation again for a fresh one.
        /// </summary>
        Task DownloadAudioAsync(ConversationsExport conversation, Stream destination, CancellationToken cancellationToken = default);

        /// <summary>
        /// Streams the conversation's transcript to <paramref name="destination"/>. If the presigned URL
        /// has expired, fetches the conversation again for a fresh one.
        /// </summary>
        Task DownloadTranscriptAsync(ConversationsExport conversation, Stream destination, CancellationToken cancellationToken = default);
    }
}
