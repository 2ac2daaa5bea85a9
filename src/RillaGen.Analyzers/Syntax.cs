using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace RillaGen.Analyzers
{
    /// <summary>Where on a member access a diagnostic goes.</summary>
    internal static class Syntax
    {
        /// <summary>How a message names a member: <c>Type.Property</c>, or <c>Type.Method(parameter)</c>.</summary>
        public static string DisplayName(ISymbol member)
        {
            if (member is IParameterSymbol parameter)
            {
                var method = parameter.ContainingSymbol;
                var methodName = method is IMethodSymbol { MethodKind: MethodKind.Constructor } ? method.ContainingType.Name : method.Name;
                return method.ContainingType.Name + "." + methodName + "(" + parameter.Name + ")";
            }

            return member.ContainingType.Name + "." + member.Name;
        }

        /// <summary>The member's name in <c>x.Name</c>, <c>x?.Name</c>, <c>{ Name = ... }</c> or <c>{ Name: ... }</c>.</summary>
        public static Location MemberNameLocation(IOperation memberReference)
        {
            var syntax = memberReference.Syntax;
            return syntax switch
            {
                MemberAccessExpressionSyntax access => access.Name.GetLocation(),
                MemberBindingExpressionSyntax binding => binding.Name.GetLocation(),
                _ => syntax.GetLocation(),
            };
        }
    }
}
