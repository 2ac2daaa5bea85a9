using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using RillaGen.Http;

namespace RillaGen
{
    public partial class RillaExportClient
    {
        private static readonly Action<ILogger, Guid, string, string, Exception?> LogMediaRefresh =
            LoggerMessage.Define<Guid, string, string>(LogLevel.Information, new EventId(20, "RillaMediaUrlRefresh"),
                "The {Media} URL of conversation {ConversationId} {Why}; fetching the conversation again for a fresh URL");

        /// <inheritdoc />
        public Task DownloadAudioAsync(ConversationsExport conversation, Stream destination, CancellationToken cancellationToken = default) =>
            DownloadMediaAsync(conversation, MediaKind.Audio, destination, cancellationToken);

        /// <inheritdoc />
        public Task DownloadTranscriptAsync(ConversationsExport conversation, Stream destination, CancellationToken cancellationToken = default) =>
            DownloadMediaAsync(conversation, MediaKind.Transcript, destination, cancellationToken);

        private async Task DownloadMediaAsync(ConversationsExport conversation, MediaKind kind, Stream destination, CancellationToken cancellationToken)
        {
            Guard.NotNull(conversation, nameof(conversation));
            Guard.NotNull(destination, nameof(destination));

            if (!destination.CanWrite)
            {
                throw new ArgumentException("destination must be a writable stream.", nameof(destination));
            }

            RequestValidator.ValidateConversationId(conversation.ConversationId);
            var mediaClient = _mediaHttpClient ?? throw new InvalidOperationException("Media downloads need a client built from RillaClientOptions (new RillaExportClient(options) or AddRillaExportClient).");
            var url = MediaUrl(conversation, kind);
            var now = (_options?.TimeProvider ?? TimeProvider.System).GetUtcNow();

            if (PresignedUrl.HasExpired(url, now))
            {
                LogMediaRefresh(_logger, conversation.ConversationId, kind.ToString(), "has expired", null);
                url = await FreshMediaUrlAsync(conversation.ConversationId, kind, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                using var response = await SendMediaRequestAsync(mediaClient, url, cancellationToken).ConfigureAwait(false);
                if (response.StatusCode != HttpStatusCode.Forbidden)
                {
                    await CopyMediaAsync(response, kind, destination, cancellationToken).ConfigureAwait(false);
                    return;
                }

                LogMediaRefresh(_logger, conversation.ConversationId, kind.ToString(), "was refused with 403", null);
                url = await FreshMediaUrlAsync(conversation.ConversationId, kind, cancellationToken).ConfigureAwait(false);
            }

            using var retried = await SendMediaRequestAsync(mediaClient, url, cancellationToken).ConfigureAwait(false);
            await CopyMediaAsync(retried, kind, destination, cancellationToken).ConfigureAwait(false);
        }

        private async Task<string> FreshMediaUrlAsync(Guid conversationId, MediaKind kind, CancellationToken cancellationToken)
        {
            var fresh = await GetConversationAsync(conversationId, cancellationToken).ConfigureAwait(false);
            if (fresh is null)
            {
                throw new RillaApiException($"Conversation {conversationId} no longer exists (404), so its {kind} URL cannot be refreshed.", 404, null, EmptyHeaders, null);
            }

            return MediaUrl(fresh, kind);
        }

        private static async Task<HttpResponseMessage> SendMediaRequestAsync(HttpClient mediaClient, string url, CancellationToken cancellationToken)
        {
            // No Authorization header: presigned URLs authenticate by their query, and S3 rejects a request carrying both.
            using var request = new HttpRequestMessage(HttpMethod.Get, PresignedUrl.ToUri(url));
            return await mediaClient.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        }

        private static async Task CopyMediaAsync(HttpResponseMessage response, MediaKind kind, Stream destination, CancellationToken cancellationToken)
        {
            if (!response.IsSuccessStatusCode)
            {
                var status = (int)response.StatusCode;
                throw new RillaApiException($"The {kind} download failed.", status, null, EmptyHeaders, null);
            }

#if NET5_0_OR_GREATER
            using var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
#else
            using var body = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
#endif
            await body.CopyToAsync(destination, 81920, cancellationToken).ConfigureAwait(false);
        }

        private static string MediaUrl(ConversationsExport conversation, MediaKind kind)
        {
            var url = kind == MediaKind.Audio ? conversation.AudioUrl : conversation.TranscriptUrl;
            if (string.IsNullOrEmpty(url) || !Uri.TryCreate(url, UriKind.Absolute, out _))
            {
                throw new ArgumentException($"conversation.{kind}Url must be an absolute URL; conversation {conversation.ConversationId} has none.", nameof(conversation));
            }

            return url;
        }

        private static readonly System.Collections.Generic.IReadOnlyDictionary<string, System.Collections.Generic.IEnumerable<string>> EmptyHeaders =
            new System.Collections.Generic.Dictionary<string, System.Collections.Generic.IEnumerable<string>>();

        private enum MediaKind
        {
            Audio,
            Transcript,
        }
    }
}
