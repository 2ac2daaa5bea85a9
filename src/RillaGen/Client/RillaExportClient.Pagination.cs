using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;

namespace RillaGen
{
    public partial class RillaExportClient
    {
        private static readonly Action<ILogger, int, int, int, int, Exception?> LogCountMismatch =
            LoggerMessage.Define<int, int, int, int>(LogLevel.Warning, new EventId(10, "RillaExportCountMismatch"),
                "ExportAllConversations yielded {Count} unique conversations, but the API reported totalConversations {InitialTotal} on the first page and {FinalTotal} on the last ({Duplicates} duplicates skipped); data changed while paging");

        private static readonly Action<ILogger, int, int, int, Exception?> LogExportDone =
            LoggerMessage.Define<int, int, int>(LogLevel.Information, new EventId(11, "RillaExportDone"),
                "ExportAllConversations yielded {Count} unique conversations from {Pages} pages ({Duplicates} duplicates skipped)");

        private static readonly Action<ILogger, int, int, int, Exception?> LogStalePage =
            LoggerMessage.Define<int, int, int>(LogLevel.Debug, new EventId(12, "RillaExportStalePage"),
                "Page {Page} was read when the API had {PageTotal} conversations, fewer than the {NewestTotal} an earlier page saw; reading it again so no shifted conversation is missed");

        /// <inheritdoc />
        public IAsyncEnumerable<ConversationsExport> ExportAllConversationsAsync(ExportConversationsRequest request, CancellationToken cancellationToken = default)
        {
            // Validate now, so a bad request fails at the call rather than at the first MoveNextAsync.
            RequestValidator.Validate(request);
            return ExportAllConversationsCoreAsync(CopyForPage(request, request.Page ?? RequestValidator.MinPage), cancellationToken);
        }

        /// <summary>
        /// Page order with a bounded window: page N is yielded while pages N+1..N+MaxConcurrency are in
        /// flight. New conversations only push older ones to later pages, so a page read earlier than
        /// a page before it (a smaller totalConversations) may have missed one; it is read again.
        /// Paging goes on while later pages report more pages than the first did.
        /// </summary>
        private async IAsyncEnumerable<ConversationsExport> ExportAllConversationsCoreAsync(ExportConversationsRequest template, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            var maxConcurrency = _options?.MaxConcurrency ?? 1;
            var firstPage = template.Page!.Value;
            var first = await ExportConversationsAsync(template, cancellationToken).ConfigureAwait(false);
            var seen = new HashSet<Guid>();
            var duplicates = 0;
            var pagesRead = 1;
            foreach (var conversation in first.Conversations)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (seen.Add(conversation.ConversationId))
                {
                    yield return conversation;
                }
                else
                {
                    duplicates++;
                }
            }

            var lastPage = first.TotalPages;
            var newestTotal = first.TotalConversations;
            var finalTotal = first.TotalConversations;

            using var inFlightCancellation = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var window = new Queue<(int Page, Task<ExportConversationsResponse> Response)>();
            var nextPage = firstPage + 1;
            try
            {
                while (true)
                {
                    while (window.Count < maxConcurrency && nextPage <= lastPage)
                    {
                        window.Enqueue((nextPage, ExportConversationsAsync(CopyForPage(template, nextPage), inFlightCancellation.Token)));
                        nextPage++;
                    }

                    if (window.Count == 0)
                    {
                        break;
                    }

                    var (pageNumber, pending) = window.Dequeue();
                    var page = await pending.ConfigureAwait(false);
                    if (page.TotalConversations < newestTotal)
                    {
                        LogStalePage(_logger, pageNumber, page.TotalConversations, newestTotal, null);
                        page = await ExportConversationsAsync(CopyForPage(template, pageNumber), cancellationToken).ConfigureAwait(false);
                    }

                    pagesRead++;
                    newestTotal = Math.Max(newestTotal, page.TotalConversations);
                    finalTotal = page.TotalConversations;
                    lastPage = Math.Max(lastPage, page.TotalPages);
                    foreach (var conversation in page.Conversations)
                    {
                        cancellationToken.ThrowIfCancellationRequested();
                        if (seen.Add(conversation.ConversationId))
                        {
                            yield return conversation;
                        }
                        else
                        {
                            duplicates++;
                        }
                    }
                }
            }
            finally
            {
                // Stop what is still in flight (the consumer broke out, or a page failed) and observe it.
                inFlightCancellation.Cancel();
                foreach (var (_, pending) in window)
                {
                    try
                    {
                        await pending.ConfigureAwait(false);
                    }
                    catch (Exception)
                    {
                        // Abandoned page: its failure or cancellation no longer matters.
                    }
                }
            }

            if (firstPage == RequestValidator.MinPage && (seen.Count != first.TotalConversations || seen.Count != finalTotal))
            {
                LogCountMismatch(_logger, seen.Count, first.TotalConversations, finalTotal, duplicates, null);
            }

            LogExportDone(_logger, seen.Count, pagesRead, duplicates, null);
        }

        private static ExportConversationsRequest CopyForPage(ExportConversationsRequest request, int page)
        {
            var copy = new ExportConversationsRequest
            {
                FromDate = request.FromDate,
                ToDate = request.ToDate,
                DateType = request.DateType,
                Page = page,
                Limit = request.Limit,
                Users = request.Users?.ToList(),
            };
            foreach (var property in request.AdditionalProperties)
            {
                copy.AdditionalProperties[property.Key] = property.Value;
            }

            return copy;
        }
    }
}
