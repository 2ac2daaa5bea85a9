using System;
using System.Globalization;
using System.IO;
using System.Linq;
using RillaGen.Analyzers.Benchmark;

// Usage: RillaGen.Analyzers.Benchmark <output folder> [--files N] [--without-rillagen] [--repo <RillaGen repository>]
//        RillaGen.Analyzers.Benchmark measure <consumer folder> [--without-rillagen] [--rounds N]
// Writes a consumer project with N files (default 1000) that use the client heavily. With
// --without-rillagen, the same code runs on look-alike types and the project does not reference
// RillaGen, but still loads the analyzers: they should do no work at all.
if (args.Length >= 2 && args[0] == "measure")
{
    var rounds = args.SkipWhile(a => a != "--rounds").Skip(1).Select(a => int.Parse(a, CultureInfo.InvariantCulture)).FirstOrDefault(3);
    await InProcessMeasurement.RunAsync(Path.GetFullPath(args[1]), !args.Contains("--without-rillagen"), rounds);
    return 0;
}

if (args.Length == 0 || args[0].StartsWith("--", StringComparison.Ordinal))
{
    Console.Error.WriteLine("Usage: RillaGen.Analyzers.Benchmark <output folder> [--files N] [--without-rillagen] [--repo <path>]");
    return 2;
}

var output = Path.GetFullPath(args[0]);
var files = 1000;
var withRillaGen = true;
string? repository = null;
for (var i = 1; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--files":
            files = int.Parse(args[++i], CultureInfo.InvariantCulture);
            break;
        case "--without-rillagen":
            withRillaGen = false;
            break;
        case "--repo":
            repository = Path.GetFullPath(args[++i]);
            break;
        default:
            Console.Error.WriteLine($"Unknown option '{args[i]}'.");
            return 2;
    }
}

repository ??= ConsumerProject.FindRepository(Directory.GetCurrentDirectory())
    ?? throw new InvalidOperationException("Run inside the RillaGen repository, or pass --repo.");

ConsumerProject.Write(output, repository, files, withRillaGen);
Console.WriteLine($"Wrote {files} files to {output} ({(withRillaGen ? "referencing RillaGen" : "without RillaGen")}).");
return 0;
