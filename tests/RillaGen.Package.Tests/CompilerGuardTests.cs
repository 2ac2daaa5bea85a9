using RillaGen.Package.Tests.Infrastructure;

namespace RillaGen.Package.Tests;

/// <summary>
/// The buildTransitive guard: with a compiler older than Roslyn 4.8 the SDK drops the analyzers without a
/// word, and RillaGen says so. The old compiler is simulated by CompilerApiVersion, the very property the
/// SDK reads from the compiler to choose an analyzers/dotnet/roslynX.Y folder.
/// </summary>
[Collection(PackageTestGroup.Name)]
public sealed class CompilerGuardTests(PackageFixture package)
{
    [Fact]
    public async Task OldCompilerGetsAPlainWarningAndCurrentOneNone()
    {
        var consumer = ConsumerProject.Create(package, "net10.0");

        var old = await consumer.BuildAsync("-p:CompilerApiVersion=roslyn4.4");
        Assert.True(old.ExitCode == 0, old.ToString());
        Assert.Contains("warning RILLAPKG001", old.Output, StringComparison.Ordinal);
        Assert.Contains("roslyn4.4, older than roslyn4.8", old.Output, StringComparison.Ordinal);
        // What the guard warns about really happens: no analyzer ran.
        AnalyzerAssertions.NoWarnings(old, "RILLA001", "RILLA002", "RILLA003");

        var optedOut = await consumer.BuildAsync("-p:CompilerApiVersion=roslyn4.4", "-p:RillaGenSkipCompilerVersionCheck=true");
        Assert.True(optedOut.ExitCode == 0, optedOut.ToString());
        Assert.DoesNotContain("RILLAPKG001", optedOut.Output, StringComparison.Ordinal);

        var current = await consumer.BuildAsync();
        Assert.True(current.ExitCode == 0, current.ToString());
        Assert.DoesNotContain("RILLAPKG001", current.Output, StringComparison.Ordinal);
    }
}
