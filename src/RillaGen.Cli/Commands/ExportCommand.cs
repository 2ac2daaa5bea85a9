using System.CommandLine;
using RillaGen.Cli.Export;

namespace RillaGen.Cli.Commands;

/// <summary>The options of `rillagen export`; parsing and validation only, the work is in <see cref="ExportHandler"/>.</summary>
internal static class ExportCommand
{
    public static Command Create()
    {
        var stream = new Argument<string>("stream")
        {
            Description = "What to export: conversations, teams, users or all.",
            Arity = ArgumentArity.ZeroOrOne,
            DefaultValueFactory = _ => "all",
        };
        stream.Validators.Add(result =>
        {
            try
            {
                InputParser.Streams(result.GetValueOrDefault<string>());
            }
            catch (CliException ex)
            {
                result.AddError(ex.Message);
            }
        });
        var from = new Option<string?>("--from") { Description = "Start of the range (ISO 8601, UTC when no offset), e.g. 2024-03-01." };
        var to = new Option<string?>("--to") { Description = "End of the range (ISO 8601). With --since-last it defaults to now." };
        var dateType = new Option<string?>("--date-type") { Description = "timeOfRecording (default) or processedDate." };
        var users = new Option<string[]>("--users") { Description = "Only these users' emails (comma-separated or repeated).", AllowMultipleArgumentsPerToken = true };
        var output = new Option<string>("--out", "-o") { Description = "A SQLite file (default rilla.db), a PostgreSQL connection string, or a folder with --format jsonl|csv.", DefaultValueFactory = _ => "rilla.db" };
        var format = new Option<string>("--format") { Description = "auto (SQLite file or PostgreSQL connection string), sqlite, jsonl or csv.", DefaultValueFactory = _ => "auto" };
        var media = new Option<string?>("--media") { Description = "Download media during the run: audio, transcript or audio,transcript." };
        var mediaDir = new Option<string?>("--media-dir") { Description = "Where media goes (default: <db name>-media next to a SQLite file, <folder>/media, or ./rillagen-media)." };
        var reuseMedia = new Option<bool>("--reuse-media") { Description = "Skip media files that are present and match their recorded SHA-256." };
        var concurrency = new Option<int>("--concurrency") { Description = "Parallel requests for pages and media (1-32).", DefaultValueFactory = _ => 4 };
        var baseUrl = new Option<string?>("--base-url") { Description = "API base URL (default https://customer.rillavoice.com, or RILLA_BASE_URL / baseUrl in the config file)." };
        var sandbox = new Option<bool>("--sandbox") { Description = "Export from an in-process RillaGen.Sandbox: no key, no network." };
        var sinceLast = new Option<bool>("--since-last") { Description = "Continue from the stream's watermark (dateType processedDate) minus --lookback; --from is needed only the first time." };
        var lookback = new Option<string>("--lookback") { Description = "How far before the watermark --since-last starts, e.g. 6h or 1d.", DefaultValueFactory = _ => "1d" };
        var includeSubteams = new Option<bool>("--include-subteams") { Description = "Include sub-teams in the teams export.", DefaultValueFactory = _ => true };
        var config = new Option<string?>("--config") { Description = "Config file with {\"apiKey\": ..., \"baseUrl\": ...} (default ~/.config/rillagen/config.json)." };

        var command = new Command("export", "Export Rilla data into SQLite, PostgreSQL, JSONL or CSV, incrementally and resumably.")
        {
            stream, from, to, dateType, users, output, format, media, mediaDir, reuseMedia, concurrency, baseUrl, sandbox, sinceLast,
            lookback, includeSubteams, config,
        };

        command.SetAction((parseResult, cancellationToken) =>
        {
            ExportSettings Settings()
            {
                var sinceLastValue = parseResult.GetValue(sinceLast);
                var fromValue = InputParser.Date("--from", parseResult.GetValue(from));
                var toValue = InputParser.Date("--to", parseResult.GetValue(to));
                if (!sinceLastValue)
                {
                    if (fromValue is null)
                    {
                        throw CliException.BadInput("--from: required (or use --since-last after a first run).");
                    }

                    if (toValue is null)
                    {
                        throw CliException.BadInput("--to: required (it defaults to now only with --since-last).");
                    }
                }

                if (fromValue is not null && toValue is not null && fromValue >= toValue)
                {
                    throw CliException.BadInput($"--from: {parseResult.GetValue(from)} must be before --to {parseResult.GetValue(to)}.");
                }

                var dateTypeValue = InputParser.DateType(parseResult.GetValue(dateType));
                if (sinceLastValue && dateTypeValue != DateType.ProcessedDate && parseResult.GetValue(dateType) is not null)
                {
                    throw CliException.BadInput("--date-type: --since-last always uses processedDate.");
                }

                var concurrencyValue = parseResult.GetValue(concurrency);
                if (concurrencyValue is < 1 or > 32)
                {
                    throw CliException.BadInput($"--concurrency: {concurrencyValue} is outside 1..32.");
                }

                var mediaValue = InputParser.Media(parseResult.GetValue(media));
                var streams = InputParser.Streams(parseResult.GetValue(stream));
                if (mediaValue != Media.MediaKinds.None && !streams.Contains(ExportSettings.ConversationsStream))
                {
                    throw CliException.BadInput("--media: media belongs to conversations; export conversations or all.");
                }

                return new ExportSettings
                {
                    Streams = streams,
                    From = fromValue,
                    To = toValue,
                    DateType = sinceLastValue ? DateType.ProcessedDate : dateTypeValue,
                    Users = InputParser.Users(parseResult.GetValue(users)),
                    IncludeSubteams = parseResult.GetValue(includeSubteams),
                    SinceLast = sinceLastValue,
                    Lookback = InputParser.Duration("--lookback", parseResult.GetValue(lookback)),
                    Media = mediaValue,
                    Concurrency = concurrencyValue,
                    ReuseMedia = parseResult.GetValue(reuseMedia),
                    MediaDirectory = parseResult.GetValue(mediaDir),
                };
            }

            var request = new ExportHandler.Request(
                Settings,
                parseResult.GetValue(output)!,
                parseResult.GetValue(format)!.Trim().ToLowerInvariant(),
                () => InputParser.BaseUrl(parseResult.GetValue(baseUrl)),
                parseResult.GetValue(sandbox),
                parseResult.GetValue(config));
            return ExportHandler.RunAsync(request, cancellationToken);
        });

        return command;
    }
}
