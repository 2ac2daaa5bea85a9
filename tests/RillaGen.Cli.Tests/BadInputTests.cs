namespace RillaGen.Cli.Tests;

/// <summary>Bad input gets one clear line naming the option, its exit code, and nothing written.</summary>
public sealed class BadInputTests
{
    private static readonly Dictionary<string, string?> WithKey = new() { ["RILLA_API_KEY"] = "demo-key" };

    [Theory]
    [InlineData("--from", "2024-13-01", "--to", "2024-04-01", "--from")]
    [InlineData("--from", "yesterday", "--to", "2024-04-01", "--from")]
    [InlineData("--from", "2024-04-01", "--to", "2024-03-01", "must be before")]
    [InlineData("--from", "2024-03-01", "--to", "2024-03-01", "must be before")]
    public async Task Bad_dates_exit_4_and_write_nothing(string fromOption, string from, string toOption, string to, string expected)
    {
        using var dir = new TempDirectory();
        var db = dir.File("out.db");
        using var cli = await CliProcess.RunAsync(["export", "all", fromOption, from, toOption, to, "--out", db], WithKey);

        Assert.Equal(4, cli.ExitCode);
        Assert.Contains(expected, cli.StandardError, StringComparison.Ordinal);
        Assert.Single(cli.StandardError.Trim().Split('\n'));
        Assert.False(File.Exists(db), cli.ToString());
    }

    [Fact]
    public async Task Unknown_stream_exits_4()
    {
        using var dir = new TempDirectory();
        using var cli = await CliProcess.RunAsync(["export", "calls", "--from", "2024-03-01", "--to", "2024-04-01", "--out", dir.File("out.db")], WithKey);

        Assert.Equal(4, cli.ExitCode);
        Assert.Contains("stream: 'calls' is not one of conversations, teams, users, all", cli.StandardError, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFileSystemEntries(dir.Path));
    }

    [Fact]
    public async Task Unwritable_output_exits_4()
    {
        using var dir = new TempDirectory();
        var notAFolder = dir.File("plain-file");
        await File.WriteAllTextAsync(notAFolder, "x");
        using var cli = await CliProcess.RunAsync(["export", "--from", "2024-03-01", "--to", "2024-04-01", "--out", Path.Combine(notAFolder, "out.db")], WithKey);

        Assert.Equal(4, cli.ExitCode);
        Assert.Contains("--out", cli.StandardError, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--concurrency", "0", "--concurrency")]
    [InlineData("--media", "video", "--media")]
    [InlineData("--users", "not-an-email", "--users")]
    [InlineData("--date-type", "createdDate", "--date-type")]
    [InlineData("--base-url", "http://example.com", "--base-url")]
    public async Task Bad_option_values_exit_4_naming_the_option(string option, string value, string expected)
    {
        using var dir = new TempDirectory();
        using var cli = await CliProcess.RunAsync(["export", "--from", "2024-03-01", "--to", "2024-04-01", option, value, "--out", dir.File("out.db")], WithKey);

        Assert.Equal(4, cli.ExitCode);
        Assert.StartsWith("rillagen: " + expected, cli.StandardError, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFileSystemEntries(dir.Path));
    }

    [Fact]
    public async Task Missing_key_exits_3_and_names_the_variable()
    {
        using var dir = new TempDirectory();
        using var cli = await CliProcess.RunAsync(["export", "--from", "2024-03-01", "--to", "2024-04-01", "--out", dir.File("out.db")]);

        Assert.Equal(3, cli.ExitCode);
        Assert.Contains("RILLA_API_KEY", cli.StandardError, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFileSystemEntries(dir.Path));
    }

    [Fact]
    public async Task Key_with_a_bearer_prefix_exits_3_without_echoing_it()
    {
        using var dir = new TempDirectory();
        using var cli = await CliProcess.RunAsync(
            ["export", "--from", "2024-03-01", "--to", "2024-04-01", "--out", dir.File("out.db")],
            new Dictionary<string, string?> { ["RILLA_API_KEY"] = "Bearer secret-value-123" });

        Assert.Equal(3, cli.ExitCode);
        Assert.DoesNotContain("secret-value-123", cli.StandardError + cli.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("raw key", cli.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Config_file_that_is_not_json_exits_3()
    {
        using var dir = new TempDirectory();
        var config = dir.File("config.json");
        await File.WriteAllTextAsync(config, "apiKey = nope");
        using var cli = await CliProcess.RunAsync(["export", "--from", "2024-03-01", "--to", "2024-04-01", "--config", config, "--out", dir.File("out.db")]);

        Assert.Equal(3, cli.ExitCode);
        Assert.Contains(config, cli.StandardError, StringComparison.Ordinal);
        Assert.False(File.Exists(dir.File("out.db")));
    }

    [Fact]
    public async Task Unknown_option_exits_4()
    {
        using var cli = await CliProcess.RunAsync(["export", "--from", "2024-03-01", "--to", "2024-04-01", "--colour", "blue"], WithKey);

        Assert.Equal(4, cli.ExitCode);
        Assert.Contains("--colour", cli.StandardError, StringComparison.Ordinal);
    }
}
