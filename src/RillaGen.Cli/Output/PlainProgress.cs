using System.Diagnostics;
using System.Globalization;

namespace RillaGen.Cli.Output;

/// <summary>Plain log lines on standard error, for pipes, CI and log files.</summary>
internal sealed class PlainProgress(TextWriter log) : IExportProgress
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly Dictionary<string, long?> _expected = new(StringComparer.Ordinal);
    private TimeSpan? _lastLine;

    public void StreamStarted(string stream, long? expectedRows)
    {
        _expected[stream] = expectedRows;
        Write(expectedRows is null ? $"{stream}: started" : $"{stream}: started, {expectedRows.Value.ToString(CultureInfo.InvariantCulture)} expected");
    }

    public void PageCommitted(string stream, long rowsSoFar, long pagesSoFar, long mediaBytesSoFar)
    {
        // At most one line a second, so a long export writes a readable log.
        if (_lastLine is { } last && _clock.Elapsed - last < TimeSpan.FromSeconds(1))
        {
            return;
        }

        _lastLine = _clock.Elapsed;
        var expected = _expected.GetValueOrDefault(stream);
        var eta = Eta.Format(_clock.Elapsed, rowsSoFar, expected);
        Write(string.Create(CultureInfo.InvariantCulture,
            $"{stream}: {pagesSoFar} pages, {rowsSoFar}{(expected is null ? string.Empty : "/" + expected.Value.ToString(CultureInfo.InvariantCulture))} rows, media {Bytes.Format(mediaBytesSoFar)}{(eta is null ? string.Empty : ", ETA " + eta)}"));
    }

    public void StreamFinished(string stream, long rows) =>
        Write($"{stream}: done, {rows.ToString(CultureInfo.InvariantCulture)} rows");

    public void Info(string message) => Write(message);

    public void Warn(string message) => Write("warning: " + message);

    private void Write(string message)
    {
        lock (log)
        {
            log.WriteLine($"[{DateTimeOffset.UtcNow:HH:mm:ss}] {message}");
        }
    }
}

internal static class Eta
{
    public static string? Format(TimeSpan elapsed, long done, long? total)
    {
        if (total is not { } t || done <= 0 || t <= done)
        {
            return null;
        }

        var remaining = TimeSpan.FromSeconds(elapsed.TotalSeconds / done * (t - done));
        return remaining.ToString(@"hh\:mm\:ss", CultureInfo.InvariantCulture);
    }
}

internal static class Bytes
{
    public static string Format(long bytes) => bytes switch
    {
        < 1024 => bytes.ToString(CultureInfo.InvariantCulture) + " B",
        < 1024 * 1024 => (bytes / 1024d).ToString("0.0", CultureInfo.InvariantCulture) + " KiB",
        < 1024L * 1024 * 1024 => (bytes / 1024d / 1024).ToString("0.0", CultureInfo.InvariantCulture) + " MiB",
        _ => (bytes / 1024d / 1024 / 1024).ToString("0.00", CultureInfo.InvariantCulture) + " GiB",
    };
}
