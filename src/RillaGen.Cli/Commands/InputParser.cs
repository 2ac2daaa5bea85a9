using System.Globalization;
using System.Net.Mail;
using RillaGen.Cli.Export;
using RillaGen.Cli.Media;

namespace RillaGen.Cli.Commands;

/// <summary>Turns option text into values, with an error that names the option and the rule.</summary>
internal static class InputParser
{
    private static readonly string[] DateFormats = ["yyyy-MM-dd", "yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF"];

    public static DateTimeOffset? Date(string option, string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        // A date or time without an offset is UTC, as the API's examples are.
        if (DateTimeOffset.TryParseExact(text, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var exact))
        {
            return exact;
        }

        if (text.Length >= 10 && char.IsAsciiDigit(text[0])
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed))
        {
            return parsed;
        }

        throw CliException.BadInput($"{option}: '{text}' is not a date; use ISO 8601, e.g. 2024-03-01 or 2024-03-01T00:00:00Z.");
    }

    public static IReadOnlyList<string> Streams(string? text)
    {
        var stream = string.IsNullOrWhiteSpace(text) ? "all" : text.Trim().ToLowerInvariant();
        return stream switch
        {
            "all" => ExportSettings.AllStreams,
            ExportSettings.ConversationsStream or ExportSettings.TeamsStream or ExportSettings.UsersStream => [stream],
            _ => throw CliException.BadInput($"stream: '{text}' is not one of conversations, teams, users, all."),
        };
    }

    public static DateType DateType(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        null or "" or "timeofrecording" => RillaGen.DateType.TimeOfRecording,
        "processeddate" => RillaGen.DateType.ProcessedDate,
        _ => throw CliException.BadInput($"--date-type: '{text}' is not one of timeOfRecording, processedDate."),
    };

    public static IReadOnlyList<string>? Users(IEnumerable<string>? values)
    {
        var users = (values ?? []).SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToArray();
        foreach (var user in users)
        {
            if (!MailAddress.TryCreate(user, out var address) || address.Address != user)
            {
                throw CliException.BadInput($"--users: '{user}' is not an email address.");
            }
        }

        return users.Length == 0 ? null : users;
    }

    public static MediaKinds Media(string? text)
    {
        var kinds = MediaKinds.None;
        foreach (var part in (text ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            kinds |= part.ToLowerInvariant() switch
            {
                "audio" => MediaKinds.Audio,
                "transcript" or "transcripts" => MediaKinds.Transcript,
                "all" => MediaKinds.Audio | MediaKinds.Transcript,
                "none" => MediaKinds.None,
                _ => throw CliException.BadInput($"--media: '{part}' is not one of audio, transcript (comma-separated)."),
            };
        }

        return kinds;
    }

    /// <summary>A duration like 90m, 6h, 2d, or a TimeSpan (1.00:00:00).</summary>
    public static TimeSpan Duration(string option, string? text)
    {
        if (!string.IsNullOrWhiteSpace(text))
        {
            var unit = text[^1];
            if (char.IsAsciiLetter(unit) && double.TryParse(text[..^1], NumberStyles.Float, CultureInfo.InvariantCulture, out var amount) && amount >= 0)
            {
                TimeSpan? value = char.ToLowerInvariant(unit) switch
                {
                    's' => TimeSpan.FromSeconds(amount),
                    'm' => TimeSpan.FromMinutes(amount),
                    'h' => TimeSpan.FromHours(amount),
                    'd' => TimeSpan.FromDays(amount),
                    _ => null,
                };
                if (value is not null)
                {
                    return value.Value;
                }
            }

            if (TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var span) && span >= TimeSpan.Zero)
            {
                return span;
            }
        }

        throw CliException.BadInput($"{option}: '{text}' is not a duration; use e.g. 30m, 6h or 1d.");
    }

    public static Uri? BaseUrl(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            throw CliException.BadInput($"--base-url: '{text}' is not an http(s) URL.");
        }

        if (uri.Scheme == Uri.UriSchemeHttp && !uri.IsLoopback)
        {
            throw CliException.BadInput($"--base-url: '{text}' must use https (plain http only on loopback), or the API key would cross the network in clear text.");
        }

        return uri;
    }
}
