using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace RillaGen.Analyzers
{
    /// <summary>RILLA001: a deprecated alias (a property with RillaGen's DeprecatedAlias attribute) is read or written.</summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class DeprecatedAliasAnalyzer : RillaAnalyzer
    {
        /// <summary>Diagnostic property: the canonical property's name, for the code fix.</summary>
        public const string CanonicalPropertyKey = "CanonicalProperty";

        /// <inheritdoc/>
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
            ImmutableArray.Create(Descriptors.Rilla001DeprecatedAlias);

        private protected override void AnalyzeCompilation(CompilationStartAnalysisContext context, RillaSymbols symbols)
        {
            if (!symbols.HasAliases)
            {
                return;
            }

            context.RegisterOperationAction(
                operationContext => AnalyzePropertyReference(operationContext, symbols),
                OperationKind.PropertyReference);
        }

        private static void AnalyzePropertyReference(OperationAnalysisContext context, RillaSymbols symbols)
        {
            var reference = (IPropertyReferenceOperation)context.Operation;
            var alias = symbols.GetAlias(reference.Property);
            if (alias is null)
            {
                return;
            }

            var aliasName = reference.Property.ContainingType.Name + "." + reference.Property.Name;
            var canonicalJsonName = alias.CanonicalJsonName ?? "a current field";
            var properties = ImmutableDictionary<string, string?>.Empty;
            string fix;
            if (alias.CanonicalProperty != null)
            {
                fix = alias.CanonicalProperty.ContainingType.Name + "." + alias.CanonicalProperty.Name;
                properties = properties.Add(CanonicalPropertyKey, alias.CanonicalProperty.Name);
            }
            else
            {
                fix = "the field the spec names instead";
            }

            context.ReportDiagnostic(Diagnostic.Create(
                Descriptors.Rilla001DeprecatedAlias,
                Syntax.MemberNameLocation(reference),
                properties,
                aliasName,
                canonicalJsonName,
                fix));
        }
    }
}
