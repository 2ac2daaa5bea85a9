using System.Composition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace RillaGen.Analyzers.CodeFixes
{
    /// <summary>RILLA001: replaces a deprecated alias with its canonical property.</summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(UseCanonicalPropertyCodeFix))]
    [Shared]
    public sealed class UseCanonicalPropertyCodeFix : NodeReplacementCodeFix<SimpleNameSyntax>
    {
        /// <summary>Creates the fix.</summary>
        public UseCanonicalPropertyCodeFix()
            : base(Descriptors.Rilla001DeprecatedAlias.Id, DeprecatedAliasAnalyzer.CanonicalPropertyKey)
        {
        }

        /// <inheritdoc/>
        protected override string Title(string value) => "Use '" + value + "'";

        /// <inheritdoc/>
        protected override SyntaxNode Replacement(string value) => SyntaxFactory.IdentifierName(value);
    }
}
