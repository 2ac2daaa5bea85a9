using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using RillaGen.Analyzers.Tests.Infrastructure;
using Xunit;

namespace RillaGen.Analyzers.Tests
{
    /// <summary>
    /// Every rule's diagnostics are local to the document (semantic diagnostics of its tree), so the
    /// IDE shows them as the user types, not only after a build.
    /// </summary>
    public class LocalDiagnosticsTests
    {
        private const string Source = """
            using System.IO;
            using RillaGen;

            class Sync
            {
                string? _url;

                void Run(ConversationsExport conversation, ExportConversationsRequest request, Checklist checklist)
                {
                    var url = conversation.AudioUrl;
                    var copy = url;
                    _url = copy;
                    File.WriteAllText("a.txt", url);
                    request.Limit = 100;
                    var name = checklist.Name;
                }
            }
            """;

        [Fact]
        public async Task All_diagnostics_are_local_to_their_document()
        {
            var framework = await RillaReferences.Framework.ResolveAsync(LanguageNames.CSharp, CancellationToken.None);
            var tree = CSharpSyntaxTree.ParseText(Source, new CSharpParseOptions(LanguageVersion.Latest), "Sync.cs");
            var compilation = CSharpCompilation.Create(
                "Consumer",
                [tree],
                framework.Add(RillaReferences.BuiltRillaGen).Add(RillaReferences.NewtonsoftJson),
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

            var result = await compilation.WithAnalyzers(AllAnalyzersTest.Analyzers).GetAnalysisResultAsync(CancellationToken.None);

            var local = result.SemanticDiagnostics.TryGetValue(tree, out var byAnalyzer)
                ? byAnalyzer.Values.SelectMany(d => d).Select(d => d.Id).Order().ToArray()
                : [];
            var nonLocal = result.CompilationDiagnostics.Values.SelectMany(d => d).Select(d => d.Id).ToArray();

            Assert.Equal(["RILLA001", "RILLA002", "RILLA002", "RILLA003"], local);
            Assert.Empty(nonLocal);
        }
    }
}
