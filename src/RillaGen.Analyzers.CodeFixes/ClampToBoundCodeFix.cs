using System.Composition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace RillaGen.Analyzers.CodeFixes
{
    /// <summary>RILLA003: replaces an out-of-range constant with the bound it crossed.</summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ClampToBoundCodeFix))]
    [Shared]
    public sealed class ClampToBoundCodeFix : NodeReplacementCodeFix<ExpressionSyntax>
    {
        /// <summary>Creates the fix.</summary>
        public ClampToBoundCodeFix()
            : base(Descriptors.Rilla003OutOfRange.Id, RequestRangeAnalyzer.BoundKey)
        {
        }

        /// <inheritdoc/>
        protected override string Title(string value) => "Clamp to " + value;

        /// <inheritdoc/>
        protected override SyntaxNode Replacement(string value) => SyntaxFactory.ParseExpression(value);
    }
}
