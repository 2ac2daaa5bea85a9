using System.Diagnostics;

namespace RillaGen.Tests;

/// <summary>
/// An independent OpenAPI validator (swagger-cli, installed by .ci/run into tools/spec-validator)
/// accepts the spec and rejects a broken copy of it.
/// </summary>
public sealed class SpecValidatorTests
{
    private static readonly string Validator = Path.Combine(RepoPaths.Root, "tools", "spec-validator", "node_modules", "@apidevtools", "swagger-cli", "bin", "swagger-cli.js");

    [SkippableFact]
    public void The_spec_is_valid_openapi()
    {
        Skip.IfNot(File.Exists(Validator), "The npm validator is not installed: run `npm install --prefix tools/spec-validator` (.ci/run does).");
        var (exitCode, output) = Validate(RepoPaths.Spec);
        Assert.True(exitCode == 0, output);
        Assert.Contains("is valid", output, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void The_validator_rejects_a_broken_copy_of_the_spec()
    {
        Skip.IfNot(File.Exists(Validator), "The npm validator is not installed: run `npm install --prefix tools/spec-validator` (.ci/run does).");
        var broken = Path.Combine(Path.GetTempPath(), $"rilla-broken-{Guid.NewGuid():N}.yaml");
        try
        {
            File.WriteAllText(broken, File.ReadAllText(RepoPaths.Spec).Replace("$ref: '#/components/schemas/Team'", "$ref: '#/components/schemas/NoSuchTeam'", StringComparison.Ordinal));
            var (exitCode, output) = Validate(broken);
            Assert.True(exitCode != 0, "swagger-cli accepted a spec with a dangling $ref:\n" + output);
        }
        finally
        {
            File.Delete(broken);
        }
    }

    private static (int ExitCode, string Output) Validate(string spec)
    {
        var start = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Validator);
        start.ArgumentList.Add("validate");
        start.ArgumentList.Add(spec);
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, stdout + stderr.GetAwaiter().GetResult());
    }
}
