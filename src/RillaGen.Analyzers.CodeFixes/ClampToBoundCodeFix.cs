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
    /// <summary>RILLA003: replaces an out-of-range constant with the bound it crossed.</summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ClampToBoundCodeFix))]
    [Shared]
    public sealed class ClampToBoundCodeFix : CodeFixProvider
    {
        /// <inheritdoc/>
        public override ImmutableArray<string> FixableDiagnosticIds { get; } =
            ImmutableArray.Create(Descriptors.Rilla003OutOfRange.Id);

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
                if (!diagnostic.Properties.TryGetValue(RequestRangeAnalyzer.BoundKey, out var bound) || bound is null)
                {
                    continue;
                }

                if (!(root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is ExpressionSyntax value))
                {
                    continue;
                }

                var replacement = SyntaxFactory.ParseExpression(bound).WithTriviaFrom(value);
                var document = context.Document;
                context.RegisterCodeFix(
                    CodeAction.Create(
                        "Clamp to " + bound,
                        _ => Task.FromResult(document.WithSyntaxRoot(root.ReplaceNode(value, replacement))),
                        equivalenceKey: nameof(ClampToBoundCodeFix)),
                    diagnostic);
            }
        }
    }
}
