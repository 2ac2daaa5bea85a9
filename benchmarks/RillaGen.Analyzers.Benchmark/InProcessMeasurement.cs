using System;
using System.Collections.Immutable;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace RillaGen.Analyzers.Benchmark
{
    /// <summary>
    /// Compiles a consumer folder in process, then runs RillaGen's analyzers on one thread with
    /// execution-time logging: a quieter figure than the build's, which runs analyzers concurrently.
    /// </summary>
    internal static class InProcessMeasurement
    {
        public static async Task RunAsync(string folder, bool withRillaGen, int rounds)
        {
            var trees = Directory.GetFiles(folder, "*.cs")
                .Select(f => CSharpSyntaxTree.ParseText(File.ReadAllText(f), new CSharpParseOptions(LanguageVersion.Latest), f))
                .ToList();
            var runtime = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
            var references = Directory.GetFiles(runtime, "*.dll")
                .Where(IsManagedAssembly)
                .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
                .ToList();
            if (withRillaGen)
            {
                references.Add(MetadataReference.CreateFromFile(typeof(RillaExportClient).Assembly.Location));
                references.Add(MetadataReference.CreateFromFile(typeof(Newtonsoft.Json.JsonConvert).Assembly.Location));
            }

            var analyzers = ImmutableArray.Create<DiagnosticAnalyzer>(
                new DeprecatedAliasAnalyzer(), new PresignedUrlPersistenceAnalyzer(), new RequestRangeAnalyzer(), new ApiKeyLiteralAnalyzer());

            for (var round = 1; round <= rounds; round++)
            {
                var compilation = CSharpCompilation.Create(
                    "Consumer", trees, references, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
                var watch = Stopwatch.StartNew();
                var errors = compilation.GetDiagnostics().Count(d => d.Severity == DiagnosticSeverity.Error);
                var compile = watch.Elapsed;

                // A collection now, so that a pause left over from binding is not charged to an analyzer.
                GC.Collect();
                GC.WaitForPendingFinalizers();
                var withAnalyzers = compilation.WithAnalyzers(
                    analyzers,
                    new CompilationWithAnalyzersOptions(new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), null, concurrentAnalysis: false, logAnalyzerExecutionTime: true));
                var diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync();
                var total = TimeSpan.Zero;
                var rows = new System.Collections.Generic.List<string>();
                foreach (var analyzer in analyzers)
                {
                    var telemetry = await withAnalyzers.GetAnalyzerTelemetryInfoAsync(analyzer, default);
                    total += telemetry.ExecutionTime;
                    rows.Add($"  {analyzer.GetType().Name,-36} {telemetry.ExecutionTime.TotalMilliseconds,8:0.0} ms");
                }

                Console.WriteLine($"round {round}: binding {compile.TotalMilliseconds:0} ms ({errors} errors), RillaGen analyzers {total.TotalMilliseconds:0.0} ms = {100 * total.TotalMilliseconds / compile.TotalMilliseconds:0.00}% , {diagnostics.Length} diagnostics");
                rows.ForEach(Console.WriteLine);
            }
        }

        private static bool IsManagedAssembly(string path)
        {
            try
            {
                System.Reflection.AssemblyName.GetAssemblyName(path);
                return true;
            }
            catch (BadImageFormatException)
            {
                return false;
            }
        }
    }
}
