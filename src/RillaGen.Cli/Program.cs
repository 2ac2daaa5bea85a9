using System.CommandLine;
using RillaGen.Cli;
using RillaGen.Cli.Commands;

var root = new RootCommand("rillagen: export Rilla conversations, teams and users into SQLite, PostgreSQL, JSONL or CSV.")
{
    ExportCommand.Create(),
};

var parseResult = root.Parse(args);
if (parseResult.Errors.Count > 0)
{
    // One clear line and the bad-input code, rather than the parser's default 1.
    await Console.Error.WriteLineAsync("rillagen: " + string.Join("; ", parseResult.Errors.Select(e => e.Message)) + " (see rillagen export --help)");
    return ExitCodes.BadInput;
}

return await parseResult.InvokeAsync();
