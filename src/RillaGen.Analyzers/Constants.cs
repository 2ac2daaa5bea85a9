using System;
using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace RillaGen.Analyzers
{
    /// <summary>Constant values as CA1857 sees them: literals, folded expressions, const members, and locals that are never reassigned.</summary>
    internal static class Constants
    {
        public static IOperation WithoutConversions(IOperation operation)
        {
            while (operation is IConversionOperation conversion)
            {
                operation = conversion.Operand;
            }

            return operation;
        }

        /// <summary>The numeric constant the value is known to be, or null.</summary>
        public static double? NumericValue(IOperation value)
        {
            if (value.ConstantValue.HasValue)
            {
                return ToDouble(value.ConstantValue.Value);
            }

            var operand = WithoutConversions(value);
            if (operand.ConstantValue.HasValue)
            {
                return ToDouble(operand.ConstantValue.Value);
            }

            if (operand is ILocalReferenceOperation local && TryGetSingleAssignment(local, out var initializer))
            {
                return NumericValue(initializer);
            }

            return null;
        }

        /// <summary>The string constant the value is known to be, or null.</summary>
        public static string? StringValue(IOperation value)
        {
            if (value.ConstantValue.HasValue)
            {
                return value.ConstantValue.Value as string;
            }

            var operand = WithoutConversions(value);
            if (operand.ConstantValue.HasValue)
            {
                return operand.ConstantValue.Value as string;
            }

            if (operand is ILocalReferenceOperation local && TryGetSingleAssignment(local, out var initializer))
            {
                return StringValue(initializer);
            }

            return null;
        }

        /// <summary>The value a local is initialized with, when the method never assigns it again.</summary>
        public static bool TryGetSingleAssignment(ILocalReferenceOperation reference, out IOperation initializer)
        {
            initializer = null!;
            var local = reference.Local;
            if (local.IsRef || local.IsConst)
            {
                return false;
            }

            IOperation? found = null;
            foreach (var operation in Flow.Scope(local, reference).Descendants())
            {
                if (operation is IVariableDeclaratorOperation declarator && SymbolEqualityComparer.Default.Equals(declarator.Symbol, local))
                {
                    found = declarator.Initializer?.Value;
                    if (found is null)
                    {
                        return false;
                    }
                }
                else if (operation is ILocalReferenceOperation other
                    && SymbolEqualityComparer.Default.Equals(other.Local, local)
                    && Flow.IsWritten(other))
                {
                    return false;
                }
            }

            if (found is null)
            {
                return false;
            }

            initializer = found;
            return true;
        }

        private static double? ToDouble(object? value)
        {
            switch (value)
            {
                case null:
                case string _:
                case bool _:
                    return null;
                case IConvertible convertible:
                    try
                    {
                        return convertible.ToDouble(CultureInfo.InvariantCulture);
                    }
                    catch (InvalidCastException)
                    {
                        return null;
                    }

                default:
                    return null;
            }
        }
    }
}
