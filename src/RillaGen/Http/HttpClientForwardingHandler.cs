using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace RillaGen.Http
{
    /// <summary>
    /// Sends through a caller-supplied <see cref="HttpClient"/>, so its handler, proxy and default
    /// headers apply. HttpClient refuses to send one message twice, so every attempt sends a copy.
    /// </summary>
    internal sealed class HttpClientForwardingHandler : HttpMessageHandler
    {
        private readonly HttpClient _client;

        internal HttpClientForwardingHandler(HttpClient client)
        {
            _client = client;
        }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            using var copy = new HttpRequestMessage(request.Method, request.RequestUri) { Version = request.Version };
            foreach (var header in request.Headers)
            {
                copy.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }

            if (request.Content is not null)
            {
#if NET5_0_OR_GREATER
                var body = await request.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
#else
                var body = await request.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
#endif
                copy.Content = new ByteArrayContent(body);
                foreach (var header in request.Content.Headers)
                {
                    copy.Content.Headers.TryAddWithoutValidation(header.Key, header.Value);
                }
            }

            return await _client.SendAsync(copy, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        }
    }
}
