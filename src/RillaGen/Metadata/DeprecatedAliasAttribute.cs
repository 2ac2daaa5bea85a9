using System;

namespace RillaGen.Metadata
{
    /// <summary>
    /// Marks a property as a deprecated alias that the API still returns for backward compatibility.
    /// Generated from the spec's <c>deprecated: true</c> and <c>x-rilla-alias-of</c>; the RILLA001
    /// analyzer reads it.
    /// </summary>
    [AttributeUsage(AttributeTargets.Property, AllowMultiple = false, Inherited = false)]
    public sealed class DeprecatedAliasAttribute : Attribute
    {
        /// <summary>Creates the mark.</summary>
        /// <param name="canonicalJsonName">The JSON name of the field that replaces the alias, or null if none does.</param>
        public DeprecatedAliasAttribute(string? canonicalJsonName)
        {
            CanonicalJsonName = canonicalJsonName;
        }

        /// <summary>The JSON name of the field that replaces the alias, or null if none does.</summary>
        public string? CanonicalJsonName { get; }
    }
}
