using System.Collections.Concurrent;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace RillaGen.Analyzers
{
    /// <summary>
    /// The RillaGen symbols a compilation sees, resolved once at compilation start, and what the
    /// attributes the build generated from the spec say about RillaGen's members. Only attributes on
    /// members of the RillaGen assembly are trusted, so a user's look-alike types are never flagged.
    /// </summary>
    internal sealed class RillaSymbols
    {
        private const string RillaAssemblyName = "RillaGen";
        private const string DeprecatedAliasAttributeName = "RillaGen.Metadata.DeprecatedAliasAttribute";
        private const string PresignedUrlAttributeName = "RillaGen.Metadata.PresignedUrlAttribute";
        private const string ApiKeyAttributeName = "RillaGen.Metadata.ApiKeyAttribute";
        private const string RangeAttributeName = "System.ComponentModel.DataAnnotations.RangeAttribute";
        private const string JsonPropertyAttributeName = "Newtonsoft.Json.JsonPropertyAttribute";

        private readonly ConcurrentDictionary<IPropertySymbol, AliasInfo?> _aliases = new ConcurrentDictionary<IPropertySymbol, AliasInfo?>(SymbolEqualityComparer.Default);
        private readonly ConcurrentDictionary<ISymbol, RangeInfo?> _ranges = new ConcurrentDictionary<ISymbol, RangeInfo?>(SymbolEqualityComparer.Default);

        private RillaSymbols(
            IAssemblySymbol rillaAssembly,
            INamedTypeSymbol? deprecatedAlias,
            INamedTypeSymbol? presignedUrl,
            INamedTypeSymbol? apiKey,
            INamedTypeSymbol? range)
        {
            RillaAssembly = rillaAssembly;
            DeprecatedAliasAttribute = deprecatedAlias;
            PresignedUrlAttribute = presignedUrl;
            ApiKeyAttribute = apiKey;
            RangeAttribute = range;
        }

        public IAssemblySymbol RillaAssembly { get; }

        public INamedTypeSymbol? DeprecatedAliasAttribute { get; }

        public INamedTypeSymbol? PresignedUrlAttribute { get; }

        public INamedTypeSymbol? ApiKeyAttribute { get; }

        public INamedTypeSymbol? RangeAttribute { get; }

        /// <summary>Returns null when the compilation neither references nor is the RillaGen assembly.</summary>
        public static RillaSymbols? TryCreate(Compilation compilation)
        {
            var assembly = FindRillaAssembly(compilation);
            if (assembly is null)
            {
                return null;
            }

            return new RillaSymbols(
                assembly,
                assembly.GetTypeByMetadataName(DeprecatedAliasAttributeName),
                assembly.GetTypeByMetadataName(PresignedUrlAttributeName),
                assembly.GetTypeByMetadataName(ApiKeyAttributeName),
                compilation.GetTypeByMetadataName(RangeAttributeName));
        }

        /// <summary>Whether the symbol is declared in the RillaGen assembly.</summary>
        public bool IsRillaMember(ISymbol symbol) =>
            SymbolEqualityComparer.Default.Equals(symbol.ContainingAssembly, RillaAssembly);

        /// <summary>The alias's canonical sibling, or null if the property is not a deprecated alias of RillaGen's.</summary>
        public AliasInfo? GetAlias(IPropertySymbol property)
        {
            if (DeprecatedAliasAttribute is null || !IsRillaMember(property))
            {
                return null;
            }

            return _aliases.GetOrAdd(property.OriginalDefinition, p => ReadAlias((IPropertySymbol)p));
        }

        /// <summary>Seconds after the response at which the URL expires, or null if the property is not a presigned URL of RillaGen's.</summary>
        public int? GetPresignedUrlLifetime(IPropertySymbol property)
        {
            if (PresignedUrlAttribute is null || !IsRillaMember(property))
            {
                return null;
            }

            var attribute = FindAttribute(property.OriginalDefinition, PresignedUrlAttribute);
            if (attribute is null || attribute.ConstructorArguments.Length != 1 || !(attribute.ConstructorArguments[0].Value is int seconds))
            {
                return null;
            }

            return seconds;
        }

        /// <summary>The range the spec allows for a RillaGen property or parameter, or null if it has none.</summary>
        public RangeInfo? GetRange(ISymbol propertyOrParameter)
        {
            if (RangeAttribute is null || !IsRillaMember(propertyOrParameter))
            {
                return null;
            }

            return _ranges.GetOrAdd(propertyOrParameter.OriginalDefinition, ReadRange);
        }

        /// <summary>Whether a RillaGen property or parameter takes an API key.</summary>
        public bool TakesApiKey(ISymbol propertyOrParameter)
        {
            if (ApiKeyAttribute is null || !IsRillaMember(propertyOrParameter))
            {
                return false;
            }

            if (FindAttribute(propertyOrParameter, ApiKeyAttribute) != null)
            {
                return true;
            }

            // An override or interface implementation keeps the key-ness of what it overrides.
            return propertyOrParameter is IPropertySymbol property
                && property.OverriddenProperty is { } overridden
                && TakesApiKey(overridden);
        }

        private static IAssemblySymbol? FindRillaAssembly(Compilation compilation)
        {
            if (compilation.Assembly.Name == RillaAssemblyName)
            {
                return compilation.Assembly;
            }

            foreach (var assembly in compilation.SourceModule.ReferencedAssemblySymbols)
            {
                if (assembly.Name == RillaAssemblyName)
                {
                    return assembly;
                }
            }

            return null;
        }

        private AliasInfo? ReadAlias(IPropertySymbol alias)
        {
            var attribute = FindAttribute(alias, DeprecatedAliasAttribute!);
            if (attribute is null)
            {
                return null;
            }

            var canonicalJsonName = attribute.ConstructorArguments.Length == 1 ? attribute.ConstructorArguments[0].Value as string : null;
            var canonical = canonicalJsonName is null ? null : FindPropertyByJsonName(alias.ContainingType, canonicalJsonName);
            return new AliasInfo(canonicalJsonName, canonical);
        }

        private static IPropertySymbol? FindPropertyByJsonName(INamedTypeSymbol type, string jsonName)
        {
            for (var current = type; current != null; current = current.BaseType)
            {
                foreach (var member in current.GetMembers())
                {
                    if (member is IPropertySymbol property && JsonNameOf(property) == jsonName)
                    {
                        return property;
                    }
                }
            }

            return null;
        }

        private static string? JsonNameOf(IPropertySymbol property)
        {
            foreach (var attribute in property.GetAttributes())
            {
                if (attribute.AttributeClass?.ToDisplayString() == JsonPropertyAttributeName
                    && attribute.ConstructorArguments.Length >= 1)
                {
                    return attribute.ConstructorArguments[0].Value as string;
                }
            }

            return null;
        }

        private RangeInfo? ReadRange(ISymbol symbol)
        {
            var attribute = FindAttribute(symbol, RangeAttribute!);
            if (attribute is null || attribute.ConstructorArguments.Length != 2)
            {
                return null;
            }

            var minimum = ToDouble(attribute.ConstructorArguments[0].Value);
            var maximum = ToDouble(attribute.ConstructorArguments[1].Value);
            if (minimum is null || maximum is null)
            {
                return null;
            }

            return new RangeInfo(minimum.Value, maximum.Value, attribute.ConstructorArguments[0].Value is int);
        }

        private static double? ToDouble(object? value) => value switch
        {
            int i => i,
            double d => d,
            _ => null,
        };

        private static AttributeData? FindAttribute(ISymbol symbol, INamedTypeSymbol attributeType)
        {
            ImmutableArray<AttributeData> attributes = symbol.GetAttributes();
            foreach (var attribute in attributes)
            {
                if (SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, attributeType))
                {
                    return attribute;
                }
            }

            return null;
        }
    }

    /// <summary>What a deprecated alias stands for.</summary>
    internal sealed class AliasInfo
    {
        public AliasInfo(string? canonicalJsonName, IPropertySymbol? canonicalProperty)
        {
            CanonicalJsonName = canonicalJsonName;
            CanonicalProperty = canonicalProperty;
        }

        /// <summary>The canonical field's JSON name, from the spec's x-rilla-alias-of.</summary>
        public string? CanonicalJsonName { get; }

        /// <summary>The sibling property that carries the canonical field, if the type has one.</summary>
        public IPropertySymbol? CanonicalProperty { get; }
    }

    /// <summary>The inclusive bounds of a request field or parameter.</summary>
    internal sealed class RangeInfo
    {
        public RangeInfo(double minimum, double maximum, bool isIntegral)
        {
            Minimum = minimum;
            Maximum = maximum;
            IsIntegral = isIntegral;
        }

        public double Minimum { get; }

        public double Maximum { get; }

        public bool IsIntegral { get; }
    }
}
