using System.Collections.Immutable;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

namespace RillaGen.Analyzers.CodeFixes
{
    /// <summary>
    /// A fix that replaces the diagnostic's node with one built from a value the analyzer put in the
    /// diagnostic's properties (the canonical name, the bound), so the fix needs no semantic model.
    /// </summary>
    /// <typeparam name="TNode">The kind of node the diagnostic is reported on.</typeparam>
    public abstract class NodeReplacementCodeFix<TNode> : CodeFixProvider
        where TNode : SyntaxNode
    {
        private readonly string _propertyKey;

        /// <summary>Creates the fix for one diagnostic id and the property that carries the replacement.</summary>
        protected NodeReplacementCodeFix(string diagnosticId, string propertyKey)
        {
            FixableDiagnosticIds = ImmutableArray.Create(diagnosticId);
            _propertyKey = propertyKey;
        }

        /// <inheritdoc/>
        public sealed override ImmutableArray<string> FixableDiagnosticIds { get; }

        /// <inheritdoc/>
        public sealed override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

        /// <inheritdoc/>
        public sealed override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            if (root is null)
            {
                return;
            }

            foreach (var diagnostic in context.Diagnostics)
            {
                if (!diagnostic.Properties.TryGetValue(_propertyKey, out var value) || value is null
                    || !(root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is TNode node))
                {
                    continue;
                }

                var document = context.Document;
                context.RegisterCodeFix(
                    CodeAction.Create(
                        Title(value),
                        _ => Task.FromResult(document.WithSyntaxRoot(root.ReplaceNode(node, Replacement(value).WithTriviaFrom(node)))),
                        equivalenceKey: GetType().Name),
                    diagnostic);
            }
        }

        /// <summary>The fix's title, shown in the IDE.</summary>
        protected abstract string Title(string value);

        /// <summary>The node that replaces the diagnostic's node.</summary>
        protected abstract SyntaxNode Replacement(string value);
    }
}
