using System.CommandLine;
using NSwag;
using RillaGen.SpecDiff;

var oldSpec = new Argument<FileInfo>("old") { Description = "The previous version of the spec (YAML or JSON)." };
var newSpec = new Argument<FileInfo>("new") { Description = "The new version of the spec (YAML or JSON)." };
var failOnBreaking = new Option<bool>("--fail-on-breaking") { Description = "Exit with code 1 when any change is breaking." };

var root = new RootCommand("Compares two versions of the Rilla OpenAPI spec and prints the changes in plain words.")
{
    oldSpec,
    newSpec,
    failOnBreaking,
};

root.SetAction(async (parseResult, cancellationToken) =>
{
    var oldFile = parseResult.GetRequiredValue(oldSpec);
    var newFile = parseResult.GetRequiredValue(newSpec);
    foreach (var file in new[] { oldFile, newFile })
    {
        if (!file.Exists)
        {
            await Console.Error.WriteLineAsync($"spec-diff: the spec file '{file.FullName}' does not exist.");
            return 2;
        }
    }

    var oldDocument = await SpecLoader.LoadAsync(oldFile, cancellationToken);
    var newDocument = await SpecLoader.LoadAsync(newFile, cancellationToken);
    var changes = new SpecComparer(oldDocument, newDocument).Compare();

    ChangeReport.Write(Console.Out, oldFile.Name, oldDocument, newFile.Name, newDocument, changes);
    return parseResult.GetValue(failOnBreaking) && changes.Any(c => c.IsBreaking) ? 1 : 0;
});

return await root.Parse(args).InvokeAsync();
