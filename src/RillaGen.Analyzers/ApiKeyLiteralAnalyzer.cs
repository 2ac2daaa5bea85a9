using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace RillaGen.Analyzers
{
    /// <summary>
    /// RILLA004: a string constant is given to a RillaGen property or parameter marked [ApiKey].
    /// RILLA005: the key given there starts with an auth scheme, which the API rejects with 401.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class ApiKeyLiteralAnalyzer : RillaAnalyzer
    {
        // HTTP auth schemes people put in front of a key out of habit; not spec knowledge.
        private static readonly string[] AuthSchemes = { "Bearer", "Basic", "Token", "ApiKey", "Api-Key" };

        /// <inheritdoc/>
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
            ImmutableArray.Create(Descriptors.Rilla004HardCodedApiKey, Descriptors.Rilla005ApiKeyWithScheme);

        private protected override void AnalyzeCompilation(CompilationStartAnalysisContext context, RillaSymbols symbols)
        {
            if (symbols.HasApiKeyProperties)
            {
                context.RegisterOperationAction(
                operationContext =>
                {
                    var assignment = (ISimpleAssignmentOperation)operationContext.Operation;
                    if (symbols.MayAssignApiKeyProperty(assignment)
                        && assignment.Target is IPropertyReferenceOperation target
                        && symbols.TakesApiKey(target.Property))
                    {
                        Check(operationContext, target.Property, assignment.Value);
                    }
                },
                OperationKind.SimpleAssignment);
            }

            if (symbols.HasApiKeyParameters)
            {
                context.RegisterOperationAction(
                operationContext =>
                {
                    var argument = (IArgumentOperation)operationContext.Operation;
                    if (argument.Parameter != null && argument.ArgumentKind == ArgumentKind.Explicit && symbols.TakesApiKey(argument.Parameter))
                    {
                        Check(operationContext, argument.Parameter, argument.Value);
                    }
                },
                OperationKind.Argument);
            }
        }

        private static void Check(OperationAnalysisContext context, ISymbol member, IOperation value)
        {
            var name = Syntax.DisplayName(member);
            var location = value.Syntax.GetLocation();

            var constant = Constants.StringValue(value);
            if (!string.IsNullOrWhiteSpace(constant))
            {
                context.ReportDiagnostic(Diagnostic.Create(Descriptors.Rilla004HardCodedApiKey, location, name));
            }

            var scheme = FindScheme(LeadingText(Constants.WithoutConversions(value)) ?? constant);
            if (scheme != null)
            {
                context.ReportDiagnostic(Diagnostic.Create(Descriptors.Rilla005ApiKeyWithScheme, location, name, scheme));
            }
        }

        /// <summary>The constant text a string value starts with, even when the rest is not constant.</summary>
        private static string? LeadingText(IOperation value)
        {
            if (value.ConstantValue.HasValue)
            {
                return value.ConstantValue.Value as string;
            }

            switch (value)
            {
                case IInterpolatedStringOperation interpolated:
                    return interpolated.Parts.Length > 0 && interpolated.Parts[0] is IInterpolatedStringTextOperation text
                        ? text.Text.ConstantValue.Value as string
                        : null;
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } concatenation:
                    return LeadingText(Constants.WithoutConversions(concatenation.LeftOperand));
                case ILocalReferenceOperation local when Constants.TryGetSingleAssignment(local, out var initializer):
                    return LeadingText(Constants.WithoutConversions(initializer));
                default:
                    return null;
            }
        }

        private static string? FindScheme(string? text)
        {
            if (text is null)
            {
                return null;
            }

            var trimmed = text.TrimStart();
            foreach (var scheme in AuthSchemes)
            {
                if (trimmed.Length > scheme.Length
                    && trimmed.StartsWith(scheme, StringComparison.OrdinalIgnoreCase)
                    && (trimmed[scheme.Length] == ' ' || trimmed[scheme.Length] == ':'))
                {
                    return trimmed.Substring(0, scheme.Length + 1);
                }
            }

            return null;
        }
    }
}
