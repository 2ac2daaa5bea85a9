using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace RillaGen.Analyzers
{
    /// <summary>Where on a member access a diagnostic goes.</summary>
    internal static class Syntax
    {
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
