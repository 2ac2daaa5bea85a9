using System;

namespace RillaGen.Metadata
{
    /// <summary>
    /// Marks a property or parameter that takes a Rilla API key. The RILLA004 and RILLA005 analyzers
    /// read it to find string literals that hard-code a key or prefix it with an auth scheme.
    /// </summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter, AllowMultiple = false, Inherited = true)]
    public sealed class ApiKeyAttribute : Attribute
    {
    }
}
