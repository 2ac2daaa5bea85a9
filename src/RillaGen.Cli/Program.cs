using System.CommandLine;
using System.CommandLine.Help;
using RillaGen.Cli;
using RillaGen.Cli.Commands;

// Named explicitly: the help should say "rillagen" however it was launched (tool, dotnet run, apphost).
var root = new Command("rillagen", "Export Rilla conversations, teams and users into SQLite, PostgreSQL, JSONL or CSV.")
{
    ExportCommand.Create(),
    new HelpOption(),
    new VersionOption(),
};

var parseResult = root.Parse(args);
if (parseResult.Errors.Count > 0)
{
    // One clear line and the bad-input code, rather than the parser's default 1.
    await Console.Error.WriteLineAsync("rillagen: " + string.Join("; ", parseResult.Errors.Select(e => e.Message)) + " (see rillagen export --help)");
    return ExitCodes.BadInput;
}

return await parseResult.InvokeAsync();
