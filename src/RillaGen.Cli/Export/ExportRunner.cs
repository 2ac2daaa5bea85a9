using System.Globalization;
using RillaGen.Cli.Mapping;
using RillaGen.Cli.Media;
using RillaGen.Cli.Output;
using RillaGen.Cli.Source;
using RillaGen.Cli.Storage;

namespace RillaGen.Cli.Export;

/// <summary>
/// Runs an export: page by page, each page committed in one transaction together with its media records
/// and the stream's resume checkpoint, so a killed run resumes where it stopped and a rerun only upserts.
/// </summary>
internal sealed class ExportRunner(IRillaSource source, IExportSink sink, ExportSettings settings, IExportProgress progress)
{
    public const int PageSize = 50;

    private bool _started;

    public ExportSummary Summary { get; } = new();

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        await CheckSinceLastAsync(cancellationToken).ConfigureAwait(false);
        await WriteRunAsync(cancellationToken).ConfigureAwait(false);
        _started = true;
        var media = settings.Media == MediaKinds.None
            ? null
            : new MediaStore(source, settings.MediaDirectory ?? sink.DefaultMediaDirectory, settings.ReuseMedia);
        if (media is not null)
        {
            progress.Info($"media folder: {media.Directory}");
        }

        foreach (var stream in settings.Streams)
        {
            cancellationToken.ThrowIfCancellationRequested();
            switch (stream)
            {
                case ExportSettings.ConversationsStream:
                    await ExportConversationsAsync(media, cancellationToken).ConfigureAwait(false);
                    break;
                case ExportSettings.TeamsStream:
                    await ExportTeamsAsync(cancellationToken).ConfigureAwait(false);
                    break;
                case ExportSettings.UsersStream:
                    await ExportUsersAsync(cancellationToken).ConfigureAwait(false);
                    break;
            }
        }

        Summary.Status = Summary.MediaFailures > 0 ? "partial" : "complete";
    }

    /// <summary>--since-last without --from needs every stream's watermark; say so before the run starts.</summary>
    private async Task CheckSinceLastAsync(CancellationToken cancellationToken)
    {
        if (!settings.SinceLast || settings.From is not null)
        {
            return;
        }

        foreach (var stream in settings.Streams)
        {
            var state = await sink.ReadStateAsync(stream, cancellationToken).ConfigureAwait(false);
            if (state?.Watermark is null && state?.Status != StreamState.Running)
            {
                throw CliException.BadInput($"--since-last: {stream} has no watermark in this output yet; give --from for the first run.");
            }
        }
    }

    /// <summary>Records the run's outcome in export_runs; never throws (the run's own error matters more).</summary>
    public async Task FinishAsync(string status, string? message)
    {
        Summary.Status = status;
        Summary.Message = message;
        if (!_started)
        {
            // Rejected before it began (bad input): nothing to record.
            return;
        }

        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await WriteRunAsync(timeout.Token, DateTimeOffset.UtcNow).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            progress.Warn($"could not record the run in export_runs: {ex.Message}");
        }
    }

    private async Task ExportConversationsAsync(MediaStore? media, CancellationToken cancellationToken)
    {
        const string stream = ExportSettings.ConversationsStream;
        var dateType = settings.SinceLast ? DateType.ProcessedDate : settings.DateType;
        var scope = ScopeOf(dateType);
        var state = await sink.ReadStateAsync(stream, cancellationToken).ConfigureAwait(false);
        var (from, to, resumeFrom) = ResolveRange(state, scope, dateType);
        Summary.RangeFrom ??= from;
        Summary.RangeTo ??= to;

        var first = await source.ExportConversationsAsync(Request(from, to, dateType, page: 1, limit: 1), cancellationToken).ConfigureAwait(false);
        Summary.ApiTotalConversations = first.TotalConversations;
        if (resumeFrom is not null)
        {
            Summary.Resumed = true;
            progress.Info($"resuming conversations {Format(from)}..{Format(to)} from {Format(resumeFrom.Value)}");
        }

        var effectiveFrom = resumeFrom ?? from;
        var expected = resumeFrom is null
            ? first.TotalConversations
            : (await source.ExportConversationsAsync(Request(effectiveFrom, to, dateType, 1, 1), cancellationToken).ConfigureAwait(false)).TotalConversations;
        progress.StreamStarted(stream, expected);

        var running = new StreamState(stream, scope, from, to, DateTypeName(dateType), StreamState.Running, resumeFrom, state?.Watermark);
        var ordered = true;
        DateTimeOffset? lastKey = resumeFrom;
        long rows = 0;
        var page = new List<ConversationsExport>(PageSize);
        await foreach (var conversation in source.ExportAllConversationsAsync(Request(effectiveFrom, to, dateType, 1, PageSize), cancellationToken).ConfigureAwait(false))
        {
            page.Add(conversation);
            if (page.Count == PageSize)
            {
                (running, ordered, lastKey) = await CommitPageAsync(page, running, ordered, lastKey, dateType, media, cancellationToken).ConfigureAwait(false);
                rows += page.Count;
                page.Clear();
                progress.PageCommitted(stream, rows, Summary.Pages, Summary.MediaBytes);
            }
        }

        if (page.Count > 0)
        {
            (running, _, _) = await CommitPageAsync(page, running, ordered, lastKey, dateType, media, cancellationToken).ConfigureAwait(false);
            rows += page.Count;
            progress.PageCommitted(stream, rows, Summary.Pages, Summary.MediaBytes);
        }

        var watermark = NewWatermark(state, dateType, from, to);
        var complete = running with { Status = StreamState.Complete, ResumeFrom = null, Watermark = watermark };
        await WriteStateAsync(complete, cancellationToken).ConfigureAwait(false);
        progress.StreamFinished(stream, rows);
        if (rows != expected)
        {
            progress.Warn($"conversations: the API reported {expected.ToString(CultureInfo.InvariantCulture)} for the range and {rows.ToString(CultureInfo.InvariantCulture)} were exported (data changed while paging?)");
        }
    }

    private async Task<(StreamState State, bool Ordered, DateTimeOffset? LastKey)> CommitPageAsync(
        List<ConversationsExport> page, StreamState running, bool ordered, DateTimeOffset? lastKey, DateType dateType,
        MediaStore? media, CancellationToken cancellationToken)
    {
        var batch = new WriteBatch();
        foreach (var conversation in page)
        {
            ConversationRows.Add(batch, conversation);
            var key = dateType == DateType.ProcessedDate ? conversation.ProcessedDate : conversation.Date;
            // The checkpoint relies on the API's (date, id) order; if the order ever breaks, stop moving it.
            if (lastKey is not null && key < lastKey)
            {
                ordered = false;
            }

            lastKey = key > lastKey || lastKey is null ? key : lastKey;
        }

        if (media is not null)
        {
            await DownloadMediaAsync(media, page, batch, cancellationToken).ConfigureAwait(false);
        }

        var state = ordered ? running with { ResumeFrom = lastKey } : running;
        batch.Add(ExportSchema.ExportState, state.ToRow(DateTimeOffset.UtcNow));
        // The page and its media are complete: commit it even if Ctrl+C has just come, so a rerun resumes after it.
        await sink.WriteAsync(batch, CancellationToken.None).ConfigureAwait(false);
        Summary.Pages++;
        Summary.Conversations += page.Count;
        cancellationToken.ThrowIfCancellationRequested();
        return (state, ordered, lastKey);
    }

    private async Task DownloadMediaAsync(MediaStore media, List<ConversationsExport> page, WriteBatch batch, CancellationToken cancellationToken)
    {
        var jobs = page.SelectMany(c => new[] { MediaKinds.Audio, MediaKinds.Transcript }
            .Where(k => settings.Media.HasFlag(k))
            .Select(k => (Conversation: c, Kind: k)));
        var results = new System.Collections.Concurrent.ConcurrentBag<MediaFile>();
        await Parallel.ForEachAsync(jobs, new ParallelOptions { MaxDegreeOfParallelism = settings.Concurrency, CancellationToken = cancellationToken }, async (job, ct) =>
        {
            try
            {
                results.Add(await media.GetAsync(job.Conversation, job.Kind, ct).ConfigureAwait(false));
            }
            catch (Exception ex) when (ex is HttpRequestException or IOException or RillaApiException or InvalidOperationException && !ct.IsCancellationRequested)
            {
                lock (Summary)
                {
                    Summary.MediaFailures++;
                }

                progress.Warn($"{(job.Kind == MediaKinds.Audio ? "audio" : "transcript")} of conversation {job.Conversation.ConversationId}: {ex.Message}");
            }
        }).ConfigureAwait(false);

        foreach (var file in results.OrderBy(f => f.ConversationId, StringComparer.Ordinal).ThenBy(f => f.Kind))
        {
            // Stored relative to the media folder, so the database and the folder can move together.
            var relative = Path.GetRelativePath(media.Directory, file.Path).Replace(Path.DirectorySeparatorChar, '/');
            batch.Add(ExportSchema.Media, file.ConversationId, file.KindName, relative, file.Sha256, file.Bytes, DateTimeOffset.UtcNow);
            Summary.MediaFiles++;
            Summary.MediaReused += file.Reused ? 1 : 0;
            Summary.MediaBytes += file.Bytes;
            if (file.Kind == MediaKinds.Transcript)
            {
                var turns = TranscriptRows.Add(batch, file.ConversationId, file.Path);
                if (turns < 0)
                {
                    progress.Warn($"transcript of conversation {file.ConversationId} is not in a format rillagen reads; kept the file, no turns stored");
                }
                else
                {
                    Summary.TranscriptTurns += turns;
                }
            }
        }
    }

    private async Task ExportTeamsAsync(CancellationToken cancellationToken)
    {
        var (from, to) = await SnapshotRangeAsync(ExportSettings.TeamsStream, cancellationToken).ConfigureAwait(false);
        progress.StreamStarted(ExportSettings.TeamsStream, null);
        var response = await source.ExportTeamsAsync(new ExportTeamsRequest { FromDate = from, ToDate = to, IncludeSubteams = settings.IncludeSubteams }, cancellationToken).ConfigureAwait(false);
        var batch = new WriteBatch { RangePartition = SnapshotRows.RangePartition(from, to) };
        foreach (var team in response.Teams)
        {
            SnapshotRows.AddTeam(batch, from, to, team);
        }

        batch.Add(ExportSchema.ExportState, new StreamState(ExportSettings.TeamsStream, ScopeOf(settings.DateType), from, to, "range", StreamState.Complete, null, to).ToRow(DateTimeOffset.UtcNow));
        await sink.WriteAsync(batch, cancellationToken).ConfigureAwait(false);
        Summary.Teams = response.Teams.Count;
        progress.StreamFinished(ExportSettings.TeamsStream, Summary.Teams);
    }

    private async Task ExportUsersAsync(CancellationToken cancellationToken)
    {
        var (from, to) = await SnapshotRangeAsync(ExportSettings.UsersStream, cancellationToken).ConfigureAwait(false);
        progress.StreamStarted(ExportSettings.UsersStream, null);
        var response = await source.ExportUsersAsync(new ExportUsersRequest { FromDate = from, ToDate = to, Users = settings.Users?.ToList() }, cancellationToken).ConfigureAwait(false);
        var batch = new WriteBatch { RangePartition = SnapshotRows.RangePartition(from, to) };
        foreach (var user in response.Users)
        {
            SnapshotRows.AddUser(batch, from, to, user);
        }

        batch.Add(ExportSchema.ExportState, new StreamState(ExportSettings.UsersStream, ScopeOf(settings.DateType), from, to, "range", StreamState.Complete, null, to).ToRow(DateTimeOffset.UtcNow));
        await sink.WriteAsync(batch, cancellationToken).ConfigureAwait(false);
        Summary.Users = response.Users.Count;
        progress.StreamFinished(ExportSettings.UsersStream, Summary.Users);
    }

    private async Task<(DateTimeOffset From, DateTimeOffset To)> SnapshotRangeAsync(string stream, CancellationToken cancellationToken)
    {
        if (!settings.SinceLast)
        {
            return (settings.From!.Value, settings.To!.Value);
        }

        var state = await sink.ReadStateAsync(stream, cancellationToken).ConfigureAwait(false);
        var from = state?.Watermark is { } watermark ? watermark - settings.Lookback : settings.From
            ?? throw CliException.BadInput($"--since-last: {stream} has no watermark in this output yet; give --from for the first run.");
        var to = settings.To ?? DateTimeOffset.UtcNow;
        Summary.RangeFrom ??= from;
        Summary.RangeTo ??= to;
        return (from, to);
    }

    private (DateTimeOffset From, DateTimeOffset To, DateTimeOffset? ResumeFrom) ResolveRange(StreamState? state, string scope, DateType dateType)
    {
        var unfinished = state is { Status: StreamState.Running } && state.Scope == scope;
        if (settings.SinceLast)
        {
            if (unfinished)
            {
                return (state!.RangeFrom, state.RangeTo, state.ResumeFrom);
            }

            var from = state?.Watermark is { } watermark ? watermark - settings.Lookback : settings.From
                ?? throw CliException.BadInput("--since-last: conversations have no watermark in this output yet; give --from for the first run.");
            var to = settings.To ?? DateTimeOffset.UtcNow;
            return from >= to
                ? throw CliException.BadInput($"--since-last: the watermark {Format(from)} minus the lookback is not before --to {Format(to)}.")
                : (from, to, null);
        }

        var (f, t) = (settings.From!.Value, settings.To!.Value);
        var sameRange = unfinished && state!.RangeFrom == f && state.RangeTo == t && state.DateType == DateTypeName(dateType);
        return (f, t, sameRange ? state!.ResumeFrom : null);
    }

    private static DateTimeOffset? NewWatermark(StreamState? state, DateType dateType, DateTimeOffset from, DateTimeOffset to)
    {
        var old = state?.Watermark;
        // The watermark says "everything processed before it is here", so only a processedDate run that
        // starts at or before it (or the first one) moves it.
        if (dateType != DateType.ProcessedDate || (old is not null && from > old))
        {
            return old;
        }

        var capped = to > DateTimeOffset.UtcNow ? DateTimeOffset.UtcNow : to;
        return old is null || capped > old ? capped : old;
    }

    private ExportConversationsRequest Request(DateTimeOffset from, DateTimeOffset to, DateType dateType, int page, int limit) => new()
    {
        FromDate = from,
        ToDate = to,
        DateType = dateType,
        Page = page,
        Limit = limit,
        Users = settings.Users?.ToList(),
    };

    private string ScopeOf(DateType dateType) =>
        DateTypeName(dateType) + "|" + string.Join(',', (settings.Users ?? []).Order(StringComparer.OrdinalIgnoreCase));

    private async Task WriteStateAsync(StreamState state, CancellationToken cancellationToken)
    {
        var batch = new WriteBatch();
        batch.Add(ExportSchema.ExportState, state.ToRow(DateTimeOffset.UtcNow));
        await sink.WriteAsync(batch, cancellationToken).ConfigureAwait(false);
    }

    private async Task WriteRunAsync(CancellationToken cancellationToken, DateTimeOffset? finishedAt = null)
    {
        var s = Summary;
        var batch = new WriteBatch();
        batch.Add(ExportSchema.ExportRuns,
            s.RunId, string.Join(',', settings.Streams), s.RangeFrom ?? settings.From, s.RangeTo ?? settings.To,
            DateTypeName(settings.SinceLast ? DateType.ProcessedDate : settings.DateType),
            settings.Users is null ? null : string.Join(',', settings.Users), settings.SinceLast, s.Resumed,
            s.StartedAt, finishedAt, s.Status, s.Pages, s.Conversations, s.ApiTotalConversations, s.Teams, s.Users,
            s.MediaFiles, s.MediaBytes, s.MediaFailures, s.Message);
        await sink.WriteAsync(batch, cancellationToken).ConfigureAwait(false);
    }

    internal static string DateTypeName(DateType dateType) => dateType == DateType.ProcessedDate ? "processedDate" : "timeOfRecording";

    private static string Format(DateTimeOffset value) => ValueConvert.FormatTimestamp(value);
}
