using System.Collections.Immutable;
using System.Composition;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace RillaGen.Analyzers.CodeFixes
{
    /// <summary>RILLA001: replaces a deprecated alias with its canonical property.</summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(UseCanonicalPropertyCodeFix))]
    [Shared]
    public sealed class UseCanonicalPropertyCodeFix : CodeFixProvider
    {
        /// <inheritdoc/>
        public override ImmutableArray<string> FixableDiagnosticIds { get; } =
            ImmutableArray.Create(Descriptors.Rilla001DeprecatedAlias.Id);

        /// <inheritdoc/>
        public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

        /// <inheritdoc/>
        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            if (root is null)
            {
                return;
            }

            foreach (var diagnostic in context.Diagnostics)
            {
                if (!diagnostic.Properties.TryGetValue(DeprecatedAliasAnalyzer.CanonicalPropertyKey, out var canonical) || canonical is null)
                {
                    continue;
                }

                if (!(root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is SimpleNameSyntax name))
                {
                    continue;
                }

                var document = context.Document;
                context.RegisterCodeFix(
                    CodeAction.Create(
                        "Use '" + canonical + "'",
                        _ => Task.FromResult(document.WithSyntaxRoot(root.ReplaceNode(name, SyntaxFactory.IdentifierName(canonical).WithTriviaFrom(name)))),
                        equivalenceKey: nameof(UseCanonicalPropertyCodeFix)),
                    diagnostic);
            }
        }
    }
}
