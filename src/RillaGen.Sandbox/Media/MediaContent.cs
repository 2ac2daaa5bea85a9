using System.Buffers.Binary;
using RillaGen.Sandbox.Data;

namespace RillaGen.Sandbox.Media;

/// <summary>The deterministic audio and transcript of a conversation.</summary>
internal static class MediaContent
{
    private const int SampleRate = 8000;
    private static readonly string[] RepLines =
    [
        "thanks for having me today", "can you tell me about your budget", "here are three options for you",
        "this one comes with a full warranty", "we can schedule the install next week",
    ];

    private static readonly string[] CustomerLines =
    [
        "sure come on in", "we were hoping to stay under twenty thousand", "what does the warranty cover",
        "that sounds good to us", "let me talk it over with my spouse",
    ];

    /// <summary>One second of a seeded sine tone: a valid 16-bit mono PCM WAV file.</summary>
    public static byte[] Wav(int seed, long key)
    {
        var random = new StableRandom(seed, key, 7);
        var frequency = random.Next(220, 880);
        const int samples = SampleRate;
        var data = samples * 2;
        var wav = new byte[44 + data];
        var span = wav.AsSpan();
        "RIFF"u8.CopyTo(span);
        BinaryPrimitives.WriteInt32LittleEndian(span[4..], 36 + data);
        "WAVEfmt "u8.CopyTo(span[8..]);
        BinaryPrimitives.WriteInt32LittleEndian(span[16..], 16);
        BinaryPrimitives.WriteInt16LittleEndian(span[20..], 1);
        BinaryPrimitives.WriteInt16LittleEndian(span[22..], 1);
        BinaryPrimitives.WriteInt32LittleEndian(span[24..], SampleRate);
        BinaryPrimitives.WriteInt32LittleEndian(span[28..], SampleRate * 2);
        BinaryPrimitives.WriteInt16LittleEndian(span[32..], 2);
        BinaryPrimitives.WriteInt16LittleEndian(span[34..], 16);
        "data"u8.CopyTo(span[36..]);
        BinaryPrimitives.WriteInt32LittleEndian(span[40..], data);
        for (var i = 0; i < samples; i++)
        {
            var sample = (short)(Math.Sin(2 * Math.PI * frequency * i / SampleRate) * 8000);
            BinaryPrimitives.WriteInt16LittleEndian(span[(44 + (i * 2))..], sample);
        }

        return wav;
    }

    /// <summary>Speaker turns, each {speaker, words: [{word, start_time, end_time, confidence}]}.</summary>
    public static List<TranscriptTurn> Transcript(int seed, long key, string repName)
    {
        var random = new StableRandom(seed, key, 8);
        var turns = new List<TranscriptTurn>();
        var time = 0.0;
        var turnCount = random.Next(4, 9);
        for (var t = 0; t < turnCount; t++)
        {
            var isRep = t % 2 == 0;
            var line = random.Pick(isRep ? RepLines : CustomerLines);
            var words = new List<TranscriptWord>();
            foreach (var word in line.Split(' '))
            {
                var length = Math.Round(0.15 + (random.NextDouble() * 0.4), 2);
                words.Add(new TranscriptWord(word, Math.Round(time, 2), Math.Round(time + length, 2), random.NextRounded(0.7, 1)));
                time += length + 0.05;
            }

            turns.Add(new TranscriptTurn(isRep ? repName : "Customer", words));
            time += 0.5;
        }

        return turns;
    }
}

/// <summary>A speaker turn of a transcript.</summary>
internal sealed record TranscriptTurn(
    [property: Newtonsoft.Json.JsonProperty("speaker")] string Speaker,
    [property: Newtonsoft.Json.JsonProperty("words")] IReadOnlyList<TranscriptWord> Words);

/// <summary>A word of a transcript, with its times in seconds.</summary>
internal sealed record TranscriptWord(
    [property: Newtonsoft.Json.JsonProperty("word")] string Word,
    [property: Newtonsoft.Json.JsonProperty("start_time")] double StartTime,
    [property: Newtonsoft.Json.JsonProperty("end_time")] double EndTime,
    [property: Newtonsoft.Json.JsonProperty("confidence")] double Confidence);
