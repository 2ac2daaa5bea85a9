using RillaGen.Cli.Storage;
using RillaGen.Sandbox;

namespace RillaGen.Cli.Tests.EndToEnd;

/// <summary>The README's main job: --sandbox exports with no key and no network.</summary>
public sealed class SandboxOptionTests
{
    [Fact]
    public async Task Sandbox_option_exports_the_default_sandbox_without_a_key()
    {
        using var dir = new TempDirectory();
        var db = dir.File("rilla.db");
        using var cli = await CliProcess.RunAsync(["export", "all", "--sandbox", "--from", "2024-03-01", "--to", "2024-03-15", "--out", db]);

        Assert.True(cli.ExitCode == 0, cli.ToString());
        await using var twin = await RillaSandbox.StartAsync(new RillaSandboxOptions());
        using var http = new HttpClient();
        http.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", twin.Options.OrganizationKeys[0]);
        var page = await new RillaExportClient(http) { BaseUrl = twin.BaseAddress.ToString() }.ExportConversationsAsync(
            new ExportConversationsRequest { FromDate = new(2024, 3, 1, 0, 0, 0, TimeSpan.Zero), ToDate = new(2024, 3, 15, 0, 0, 0, TimeSpan.Zero), Limit = 1 },
            CancellationToken.None);
        Assert.Equal(page.TotalConversations, TableDump.Sqlite(db, ExportSchema.Conversations).Count);
    }

    [Fact]
    public async Task Since_last_on_a_new_output_without_from_exits_4_naming_the_option()
    {
        using var dir = new TempDirectory();
        var db = dir.File("rilla.db");
        using var cli = await CliProcess.RunAsync(["export", "conversations", "--sandbox", "--since-last", "--out", db]);

        Assert.Equal(4, cli.ExitCode);
        Assert.Contains("--since-last: conversations has no watermark in this output yet; give --from", cli.StandardError, StringComparison.Ordinal);
        Assert.Empty(TableDump.Sqlite(db, ExportSchema.Conversations));
        Assert.Empty(TableDump.Sqlite(db, ExportSchema.ExportRuns));
    }
}
