using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace RillaGen.Analyzers
{
    /// <summary>Small helpers to follow a value within one method body.</summary>
    internal static class Flow
    {
        /// <summary>The outermost operation of the body or initializer that holds <paramref name="operation"/>.</summary>
        public static IOperation Root(IOperation operation)
        {
            while (operation.Parent != null)
            {
                operation = operation.Parent;
            }

            return operation;
        }

        /// <summary>The block that declares <paramref name="local"/>: its references are all inside it.</summary>
        public static IOperation Scope(ILocalSymbol local, IOperation within)
        {
            for (var current = within; current != null; current = current.Parent)
            {
                if (current is IBlockOperation block && block.Locals.Contains(local, SymbolEqualityComparer.Default))
                {
                    return block;
                }
            }

            return Root(within);
        }

        /// <summary>Whether this reference writes the local rather than reads it.</summary>
        public static bool IsWritten(ILocalReferenceOperation reference)
        {
            var parent = reference.Parent;
            switch (parent)
            {
                case IAssignmentOperation assignment when assignment.Target == reference:
                case IIncrementOrDecrementOperation _:
                case IAddressOfOperation _:
                case IArgumentOperation argument when argument.Parameter?.RefKind is RefKind.Ref or RefKind.Out:
                    return true;
                case IDeclarationExpressionOperation _:
                    return true;
                default:
                    // A deconstruction target such as (x, y) = ... sits inside a tuple on the left.
                    return parent is ITupleOperation tuple && tuple.Parent is IDeconstructionAssignmentOperation deconstruction && deconstruction.Target == tuple;
            }
        }
    }
}
