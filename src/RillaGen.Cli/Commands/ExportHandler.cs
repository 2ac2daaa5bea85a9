using System.Globalization;
using RillaGen.Cli.Configuration;
using RillaGen.Cli.Export;
using RillaGen.Cli.Output;
using RillaGen.Cli.Sandbox;
using RillaGen.Cli.Source;
using RillaGen.Cli.Storage;
using Spectre.Console;

namespace RillaGen.Cli.Commands;

/// <summary>
/// Runs `rillagen export`: validates everything and checks the key against the API before the output is
/// touched, then exports with progress, prints a summary and maps the outcome to an exit code.
/// </summary>
internal static class ExportHandler
{
    public static readonly Uri DefaultBaseAddress = new("https://customer.rillavoice.com/");

    internal sealed record Request(
        Func<ExportSettings> Settings, string Output, string Format, Func<Uri?> BaseUrl, bool UseSandbox, string? ConfigPath);

    public static async Task<int> RunAsync(Request request, CancellationToken cancellationToken)
    {
        var error = Console.Error;
        ExportRunner? runner = null;
        try
        {
            var settings = request.Settings();
            var baseUrl = request.BaseUrl();
            var sink = SinkFactory.Create(request.Output, request.Format);
            var config = request.UseSandbox ? new CliConfig(null, null) : CliConfig.Load(request.ConfigPath);
            await using var sandbox = request.UseSandbox ? await SandboxHost.StartAsync(cancellationToken).ConfigureAwait(false) : null;
            var key = sandbox?.ApiKey ?? CliConfig.RequireKey(config.ApiKey);
            var baseAddress = baseUrl ?? sandbox?.BaseAddress ?? config.BaseAddress ?? DefaultBaseAddress;

            using var source = RillaSourceFactory.Create(baseAddress, key, settings.Concurrency);
            await CheckKeyAsync(source, cancellationToken).ConfigureAwait(false);

            await using (sink.ConfigureAwait(false))
            {
                try
                {
                    await sink.OpenAsync(cancellationToken).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    throw CliException.BadInput($"--out: cannot open {sink.Description}: {ex.Message}");
                }

                try
                {
                    var interactive = IsInteractive();
                    await error.WriteLineAsync($"rillagen: exporting {string.Join(", ", settings.Streams)} from {baseAddress.GetLeftPart(UriPartial.Authority)} into {sink.Description}").ConfigureAwait(false);
                    if (interactive)
                    {
                        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
                        await SpectreProgress.RunAsync(console, async progress =>
                        {
                            runner = new ExportRunner(source, sink, settings, progress);
                            await runner.RunAsync(cancellationToken).ConfigureAwait(false);
                        }).ConfigureAwait(false);
                    }
                    else
                    {
                        runner = new ExportRunner(source, sink, settings, new PlainProgress(error));
                        await runner.RunAsync(cancellationToken).ConfigureAwait(false);
                    }

                    await runner!.FinishAsync(runner.Summary.Status, null).ConfigureAwait(false);
                    PrintSummary(runner.Summary, interactive);
                }
                catch (Exception ex) when (runner is not null)
                {
                    // Record the outcome while the output is still open; the caller reports it.
                    var cancelled = ex is OperationCanceledException && cancellationToken.IsCancellationRequested;
                    await runner.FinishAsync(cancelled ? "cancelled" : "failed", cancelled ? "stopped by the user" : ex.Message).ConfigureAwait(false);
                    throw;
                }

                return runner.Summary.MediaFailures > 0 ? ExitCodes.PartialFailure : ExitCodes.Success;
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            if (runner is not null)
            {
                PrintSummary(runner.Summary, interactive: false);
            }

            await error.WriteLineAsync("rillagen: stopped; committed pages are kept. Run the same command again to resume.").ConfigureAwait(false);
            return ExitCodes.Cancelled;
        }
        catch (CliException ex)
        {
            await error.WriteLineAsync("rillagen: " + ex.Message).ConfigureAwait(false);
            return ex.ExitCode;
        }
        catch (RillaApiException ex)
        {
            var (code, hint) = ex.Kind switch
            {
                RillaErrorKind.Unauthorized => (ExitCodes.AuthOrConfig, "the API key was rejected (401): check RILLA_API_KEY or the config file, and send the raw key without a prefix."),
                RillaErrorKind.BadRequest => (ExitCodes.BadInput, "the API rejected the request (400): " + (ex.ServerMessage ?? "bad request")),
                _ => (runner?.Summary.Pages > 0 ? ExitCodes.PartialFailure : ExitCodes.Failure,
                      $"the API failed ({ex.StatusCode.ToString(CultureInfo.InvariantCulture)}) after retries: {ex.ServerMessage}. Committed pages are kept; rerun to resume."),
            };
            await error.WriteLineAsync("rillagen: " + hint).ConfigureAwait(false);
            return code;
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException or TaskCanceledException)
        {
            await error.WriteLineAsync($"rillagen: {ex.GetType().Name}: {ex.Message}. Committed pages are kept; rerun to resume.").ConfigureAwait(false);
            return runner?.Summary.Pages > 0 ? ExitCodes.PartialFailure : ExitCodes.Failure;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            await error.WriteLineAsync($"rillagen: unexpected {ex.GetType().Name}: {ex.Message}. Committed pages are kept; rerun to resume.").ConfigureAwait(false);
            return ExitCodes.Failure;
        }
    }

    /// <summary>A one-row request: a rejected key fails here, before the output is created.</summary>
    private static async Task CheckKeyAsync(IRillaSource source, CancellationToken cancellationToken)
    {
        var now = DateTimeOffset.UtcNow;
        await source.ExportConversationsAsync(
            new ExportConversationsRequest { FromDate = now.AddMinutes(-1), ToDate = now, Page = 1, Limit = 1 }, cancellationToken).ConfigureAwait(false);
    }

    private static bool IsInteractive() =>
        !Console.IsErrorRedirected && !Console.IsOutputRedirected && AnsiConsole.Profile.Capabilities.Interactive
        && Environment.GetEnvironmentVariable("CI") is null;

    private static void PrintSummary(ExportSummary s, bool interactive)
    {
        var rows = new List<(string Name, string Value)>
        {
            ("status", s.Status),
            ("range", s.RangeFrom is null ? "-" : $"{ValueConvert.FormatTimestamp(s.RangeFrom.Value)} .. {ValueConvert.FormatTimestamp(s.RangeTo!.Value)}"),
            ("resumed", s.Resumed ? "yes" : "no"),
            ("pages", s.Pages.ToString(CultureInfo.InvariantCulture)),
            ("conversations", s.Conversations.ToString(CultureInfo.InvariantCulture) + (s.ApiTotalConversations is null ? string.Empty : $" (API total {s.ApiTotalConversations.Value.ToString(CultureInfo.InvariantCulture)})")),
            ("teams", s.Teams.ToString(CultureInfo.InvariantCulture)),
            ("users", s.Users.ToString(CultureInfo.InvariantCulture)),
            ("media files", $"{s.MediaFiles.ToString(CultureInfo.InvariantCulture)} ({s.MediaReused.ToString(CultureInfo.InvariantCulture)} reused), {Bytes.Format(s.MediaBytes)}, {s.MediaFailures.ToString(CultureInfo.InvariantCulture)} failed"),
            ("transcript turns", s.TranscriptTurns.ToString(CultureInfo.InvariantCulture)),
            ("elapsed", (DateTimeOffset.UtcNow - s.StartedAt).ToString(@"hh\:mm\:ss", CultureInfo.InvariantCulture)),
            ("run id", s.RunId),
        };

        if (interactive)
        {
            var table = new Table().Border(TableBorder.Rounded).AddColumn("export").AddColumn("");
            foreach (var (name, value) in rows)
            {
                table.AddRow(Markup.Escape(name), Markup.Escape(value));
            }

            AnsiConsole.Write(table);
        }
        else
        {
            foreach (var (name, value) in rows)
            {
                Console.Out.WriteLine($"{name}: {value}");
            }
        }
    }
}
