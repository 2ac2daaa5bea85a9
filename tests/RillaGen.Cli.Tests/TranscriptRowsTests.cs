using RillaGen.Cli.Media;
using RillaGen.Cli.Storage;

namespace RillaGen.Cli.Tests;

/// <summary>Transcript files become transcript_turns and words rows.</summary>
public sealed class TranscriptRowsTests
{
    [Fact]
    public async Task Turns_of_words_with_start_time_and_end_time_become_turns_spanning_their_words()
    {
        using var dir = new TempDirectory();
        var path = dir.File("t.json");
        await File.WriteAllTextAsync(path, """
            [{"speaker":"Jane","words":[{"word":"hello","start_time":0.5,"end_time":0.9,"confidence":0.97},{"word":"there","start_time":1.0,"end_time":1.4,"confidence":0.9}]},
             {"speaker":"Customer","words":[{"word":"hi","start_time":2.0,"end_time":2.2,"confidence":0.8}]}]
            """);
        var batch = new WriteBatch();

        Assert.Equal(2, TranscriptRows.Add(batch, "c1", path));

        var turns = batch.For(ExportSchema.TranscriptTurns).Rows;
        Assert.Equal(["c1", 0L, "Jane", 0.5, 1.4, "hello there"], turns[0]);
        Assert.Equal(["c1", 1L, "Customer", 2.0, 2.2, "hi"], turns[1]);
        Assert.Equal(["c1", 0L, 1L, "there", 1.0, 1.4, 0.9], batch.For(ExportSchema.Words).Rows[1]);
        Assert.Contains("c1", batch.For(ExportSchema.Words).ReplacedConversations);
    }

    [Fact]
    public async Task Segments_with_text_and_milliseconds_are_read_too()
    {
        using var dir = new TempDirectory();
        var path = dir.File("t.json");
        await File.WriteAllTextAsync(path, """{"segments":[{"speakerName":"Rep","startMs":1500,"endMs":3000,"text":"Good morning"}]}""");
        var batch = new WriteBatch();

        Assert.Equal(1, TranscriptRows.Add(batch, "c2", path));
        Assert.Equal(["c2", 0L, "Rep", 1.5, 3.0, "Good morning"], batch.For(ExportSchema.TranscriptTurns).Rows[0]);
        Assert.Empty(batch.For(ExportSchema.Words).Rows);
    }

    [Fact]
    public async Task A_file_that_is_not_a_transcript_is_reported_and_clears_old_rows()
    {
        using var dir = new TempDirectory();
        var path = dir.File("t.json");
        await File.WriteAllTextAsync(path, "<Error>AccessDenied</Error>");
        var batch = new WriteBatch();

        Assert.Equal(-1, TranscriptRows.Add(batch, "c3", path));
        Assert.Contains("c3", batch.For(ExportSchema.TranscriptTurns).ReplacedConversations);
    }
}
