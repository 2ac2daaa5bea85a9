using System.Globalization;
using Spectre.Console;

namespace RillaGen.Cli.Output;

/// <summary>A live progress display on a terminal: one bar per stream with pages, rows, media bytes and ETA.</summary>
internal sealed class SpectreProgress(ProgressContext context, IAnsiConsole console) : IExportProgress
{
    private readonly Dictionary<string, ProgressTask> _tasks = new(StringComparer.Ordinal);

    public static Task RunAsync(IAnsiConsole console, Func<IExportProgress, Task> run) =>
        console.Progress()
            .AutoClear(false)
            .HideCompleted(false)
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .StartAsync(context => run(new SpectreProgress(context, console)));

    public void StreamStarted(string stream, long? expectedRows)
    {
        var task = context.AddTask(Markup.Escape(stream), maxValue: Math.Max(1, expectedRows ?? 1));
        task.IsIndeterminate = expectedRows is null;
        _tasks[stream] = task;
    }

    public void PageCommitted(string stream, long rowsSoFar, long pagesSoFar, long mediaBytesSoFar)
    {
        if (_tasks.TryGetValue(stream, out var task))
        {
            task.Value = Math.Min(rowsSoFar, task.MaxValue);
            task.Description = Markup.Escape(string.Create(CultureInfo.InvariantCulture,
                $"{stream}: {pagesSoFar} pages, {rowsSoFar} rows, media {Bytes.Format(mediaBytesSoFar)}"));
        }
    }

    public void StreamFinished(string stream, long rows)
    {
        if (_tasks.TryGetValue(stream, out var task))
        {
            task.IsIndeterminate = false;
            task.MaxValue = Math.Max(1, rows);
            task.Value = task.MaxValue;
            task.Description = Markup.Escape($"{stream}: {rows.ToString(CultureInfo.InvariantCulture)} rows");
            task.StopTask();
        }
    }

    public void Info(string message) => console.MarkupLine("[grey]" + Markup.Escape(message) + "[/]");

    public void Warn(string message) => console.MarkupLine("[yellow]warning:[/] " + Markup.Escape(message));
}
