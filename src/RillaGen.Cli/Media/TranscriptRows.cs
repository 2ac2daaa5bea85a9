using System.Globalization;
using System.Text.Json;
using RillaGen.Cli.Storage;

namespace RillaGen.Cli.Media;

/// <summary>
/// Turns a downloaded transcript into transcript_turns and words rows. The transcript format is not part of
/// the API reference, so this reads the common shapes: an array of turns, or an object holding one under
/// turns/segments/utterances; a turn has speaker, start, end, text and optionally words.
/// </summary>
internal static class TranscriptRows
{
    private static readonly string[] TurnArrays = ["turns", "segments", "utterances", "transcript", "results"];
    private static readonly string[] SpeakerNames = ["speaker", "speakerName", "speakerLabel", "role", "channel"];
    private static readonly string[] TextNames = ["text", "content", "transcript", "sentence"];
    private static readonly string[] WordNames = ["word", "text", "token", "punctuated_word"];

    /// <summary>Adds the transcript's rows to the batch; returns the number of turns, or -1 when the file is not a transcript it can read.</summary>
    public static int Add(WriteBatch batch, string conversationId, string path)
    {
        batch.Replace(ExportSchema.TranscriptTurns, conversationId);
        batch.Replace(ExportSchema.Words, conversationId);
        JsonDocument document;
        try
        {
            using var stream = File.OpenRead(path);
            document = JsonDocument.Parse(stream);
        }
        catch (JsonException)
        {
            return -1;
        }

        using (document)
        {
            var turns = FindTurns(document.RootElement);
            if (turns is null)
            {
                return -1;
            }

            var ordinal = 0;
            foreach (var turn in turns.Value.EnumerateArray().Where(t => t.ValueKind == JsonValueKind.Object))
            {
                var words = turn.TryGetProperty("words", out var w) && w.ValueKind == JsonValueKind.Array ? w : (JsonElement?)null;
                var text = Text(turn, TextNames)
                    ?? (words is null ? null : string.Join(' ', words.Value.EnumerateArray().Select(x => Text(x, WordNames)).Where(x => x is not null)));
                // A turn without its own times spans its words.
                var wordTimes = words?.EnumerateArray().Select(x => (Start: Seconds(x, "start"), End: Seconds(x, "end"))).ToArray() ?? [];
                batch.Add(ExportSchema.TranscriptTurns, conversationId, (long)ordinal, Text(turn, SpeakerNames),
                    Seconds(turn, "start") ?? wordTimes.Min(x => x.Start), Seconds(turn, "end") ?? wordTimes.Max(x => x.End), text);

                var wordOrdinal = 0;
                foreach (var word in words?.EnumerateArray() ?? default)
                {
                    batch.Add(ExportSchema.Words, conversationId, (long)ordinal, (long)wordOrdinal++, Text(word, WordNames),
                        Seconds(word, "start"), Seconds(word, "end"), Number(word, "confidence"));
                }

                ordinal++;
            }

            return ordinal;
        }
    }

    private static JsonElement? FindTurns(JsonElement root)
    {
        if (root.ValueKind == JsonValueKind.Array)
        {
            return root;
        }

        if (root.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        foreach (var name in TurnArrays)
        {
            if (root.TryGetProperty(name, out var value))
            {
                if (value.ValueKind == JsonValueKind.Array)
                {
                    return value;
                }

                if (value.ValueKind == JsonValueKind.Object && FindTurns(value) is { } nested)
                {
                    return nested;
                }
            }
        }

        return null;
    }

    private static string? Text(JsonElement element, string[] names)
    {
        if (element.ValueKind == JsonValueKind.String)
        {
            return element.GetString();
        }

        if (element.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        foreach (var name in names)
        {
            if (element.TryGetProperty(name, out var value))
            {
                return value.ValueKind switch
                {
                    JsonValueKind.String => value.GetString(),
                    JsonValueKind.Number => value.GetRawText(),
                    _ => null,
                };
            }
        }

        return null;
    }

    /// <summary>A time in seconds from start/startTime/start_time/startSeconds, or startMs/start_ms in milliseconds.</summary>
    private static double? Seconds(JsonElement element, string prefix)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        foreach (var name in new[] { prefix, prefix + "Time", prefix + "_time", prefix + "Seconds", prefix + "_seconds" })
        {
            if (Number(element, name) is { } seconds)
            {
                return seconds;
            }
        }

        foreach (var name in new[] { prefix + "Ms", prefix + "_ms", prefix + "TimeMs" })
        {
            if (Number(element, name) is { } milliseconds)
            {
                return milliseconds / 1000d;
            }
        }

        return null;
    }

    private static double? Number(JsonElement element, string name)
    {
        if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(name, out var value))
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.Number => value.GetDouble(),
            JsonValueKind.String when double.TryParse(value.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) => parsed,
            _ => null,
        };
    }
}
