using System.Collections.Immutable;
using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace RillaGen.Analyzers
{
    /// <summary>
    /// RILLA003: a constant assigned to a RillaGen property, or passed to a RillaGen parameter, falls
    /// outside the [Range] the build generated from the spec's minimum and maximum.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class RequestRangeAnalyzer : RillaAnalyzer
    {
        /// <summary>Diagnostic property: the bound to clamp to, as C# source, for the code fix.</summary>
        public const string BoundKey = "Bound";

        /// <inheritdoc/>
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
            ImmutableArray.Create(Descriptors.Rilla003OutOfRange);

        private protected override void AnalyzeCompilation(CompilationStartAnalysisContext context, RillaSymbols symbols)
        {
            if (symbols.HasRangedProperties)
            {
                context.RegisterOperationAction(
                operationContext =>
                {
                    var assignment = (ISimpleAssignmentOperation)operationContext.Operation;
                    if (symbols.MayAssignRangedProperty(assignment) && assignment.Target is IPropertyReferenceOperation target)
                    {
                        Check(operationContext, symbols, target.Property, assignment.Value);
                    }
                },
                OperationKind.SimpleAssignment);
            }

            if (symbols.HasRangedParameters)
            {
                context.RegisterOperationAction(
                operationContext =>
                {
                    var argument = (IArgumentOperation)operationContext.Operation;
                    if (argument.Parameter != null && argument.ArgumentKind == ArgumentKind.Explicit)
                    {
                        Check(operationContext, symbols, argument.Parameter, argument.Value);
                    }
                },
                OperationKind.Argument);
            }
        }

        private static void Check(OperationAnalysisContext context, RillaSymbols symbols, ISymbol member, IOperation value)
        {
            var range = symbols.GetRange(member);
            if (range is null)
            {
                return;
            }

            var constant = Constants.NumericValue(value);
            if (constant is null)
            {
                return;
            }

            double bound;
            if (constant.Value < range.Minimum)
            {
                bound = range.Minimum;
            }
            else if (constant.Value > range.Maximum)
            {
                bound = range.Maximum;
            }
            else
            {
                return;
            }

            var boundText = Format(bound, range.IsIntegral);
            context.ReportDiagnostic(Diagnostic.Create(
                Descriptors.Rilla003OutOfRange,
                value.Syntax.GetLocation(),
                ImmutableDictionary<string, string?>.Empty.Add(BoundKey, boundText),
                Syntax.DisplayName(member),
                Describe(range),
                Format(constant.Value, range.IsIntegral && constant.Value == System.Math.Floor(constant.Value)),
                boundText));
        }

        private static string Describe(RangeInfo range)
        {
            var unboundedAbove = range.IsIntegral ? range.Maximum >= int.MaxValue : double.IsPositiveInfinity(range.Maximum) || range.Maximum >= double.MaxValue;
            var unboundedBelow = range.IsIntegral ? range.Minimum <= int.MinValue : double.IsNegativeInfinity(range.Minimum) || range.Minimum <= double.MinValue;
            if (unboundedAbove)
            {
                return "at least " + Format(range.Minimum, range.IsIntegral);
            }

            if (unboundedBelow)
            {
                return "at most " + Format(range.Maximum, range.IsIntegral);
            }

            return "between " + Format(range.Minimum, range.IsIntegral) + " and " + Format(range.Maximum, range.IsIntegral);
        }

        private static string Format(double value, bool integral) =>
            integral
                ? ((long)value).ToString(CultureInfo.InvariantCulture)
                : value.ToString("R", CultureInfo.InvariantCulture);
    }
}
