using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace RillaGen.Analyzers
{
    /// <summary>
    /// What the attributes the build generated from the spec say about RillaGen's members, read once
    /// per compilation (shared by all analyzers) at compilation start. Only attributes on members of
    /// the RillaGen assembly count, so a user's look-alike types are never flagged.
    /// </summary>
    internal sealed class RillaSymbols
    {
        private const string RillaAssemblyName = "RillaGen";
        private const string DeprecatedAliasAttributeName = "RillaGen.Metadata.DeprecatedAliasAttribute";
        private const string PresignedUrlAttributeName = "RillaGen.Metadata.PresignedUrlAttribute";
        private const string ApiKeyAttributeName = "RillaGen.Metadata.ApiKeyAttribute";
        private const string RangeAttributeName = "System.ComponentModel.DataAnnotations.RangeAttribute";
        private const string JsonPropertyAttributeName = "Newtonsoft.Json.JsonPropertyAttribute";

        // One read per compilation, even when the four analyzers start on several threads at once.
        private static readonly ConditionalWeakTable<Compilation, Lazy<RillaSymbols?>> PerCompilation = new ConditionalWeakTable<Compilation, Lazy<RillaSymbols?>>();
        private static readonly ConditionalWeakTable<Compilation, Lazy<RillaSymbols?>>.CreateValueCallback Create =
            compilation => new Lazy<RillaSymbols?>(() => TryCreateCore(compilation), System.Threading.LazyThreadSafetyMode.ExecutionAndPublication);

        private readonly Dictionary<IPropertySymbol, AliasInfo> _aliases = new Dictionary<IPropertySymbol, AliasInfo>(SymbolEqualityComparer.Default);
        private readonly Dictionary<IPropertySymbol, int> _presignedUrls = new Dictionary<IPropertySymbol, int>(SymbolEqualityComparer.Default);
        private readonly Dictionary<ISymbol, RangeInfo> _ranges = new Dictionary<ISymbol, RangeInfo>(SymbolEqualityComparer.Default);
        private readonly HashSet<ISymbol> _apiKeys = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
        private readonly HashSet<string> _rangedPropertyNames = new HashSet<string>(StringComparer.Ordinal);
        private readonly HashSet<string> _apiKeyPropertyNames = new HashSet<string>(StringComparer.Ordinal);

        private RillaSymbols(Compilation compilation, IAssemblySymbol rillaAssembly)
        {
            RillaAssembly = rillaAssembly;

            var deprecatedAlias = rillaAssembly.GetTypeByMetadataName(DeprecatedAliasAttributeName);
            var presignedUrl = rillaAssembly.GetTypeByMetadataName(PresignedUrlAttributeName);
            var apiKey = rillaAssembly.GetTypeByMetadataName(ApiKeyAttributeName);
            var range = compilation.GetTypeByMetadataName(RangeAttributeName);
            var metadata = new MetadataAttributes(deprecatedAlias, presignedUrl, apiKey, range);
            ReadNamespace(rillaAssembly.GlobalNamespace, metadata);
        }

        public IAssemblySymbol RillaAssembly { get; }

        public bool HasAliases => _aliases.Count > 0;

        public bool HasPresignedUrls => _presignedUrls.Count > 0;

        public bool HasRangedProperties { get; private set; }

        public bool HasRangedParameters { get; private set; }

        public bool HasApiKeyProperties { get; private set; }

        public bool HasApiKeyParameters { get; private set; }

        /// <summary>Returns null when the compilation neither references nor is the RillaGen assembly.</summary>
        public static RillaSymbols? TryCreate(Compilation compilation) => PerCompilation.GetValue(compilation, Create).Value;

        /// <summary>Whether the symbol is declared in the RillaGen assembly.</summary>
        public bool IsRillaMember(ISymbol symbol) =>
            SymbolEqualityComparer.Default.Equals(symbol.ContainingAssembly, RillaAssembly);

        /// <summary>The alias's canonical sibling, or null if the property is not a deprecated alias of RillaGen's.</summary>
        public AliasInfo? GetAlias(IPropertySymbol property) =>
            _aliases.TryGetValue(property.OriginalDefinition, out var alias) ? alias : null;

        /// <summary>Seconds after the response at which the URL expires, or null if the property is not a presigned URL of RillaGen's.</summary>
        public int? GetPresignedUrlLifetime(IPropertySymbol property) =>
            _presignedUrls.TryGetValue(property.OriginalDefinition, out var seconds) ? seconds : (int?)null;

        /// <summary>The range the spec allows for a RillaGen property or parameter, or null if it has none.</summary>
        public RangeInfo? GetRange(ISymbol propertyOrParameter) =>
            _ranges.TryGetValue(propertyOrParameter.OriginalDefinition, out var range) ? range : null;

        /// <summary>
        /// Whether an assignment's target, by its name alone, may be a bounded property: a cheap
        /// syntactic filter that spares building the target operation of every other assignment.
        /// </summary>
        public bool MayAssignRangedProperty(IOperation assignment) => MayAssign(assignment, _rangedPropertyNames);

        /// <summary>Whether an assignment's target, by its name alone, may be a property that takes an API key.</summary>
        public bool MayAssignApiKeyProperty(IOperation assignment) => MayAssign(assignment, _apiKeyPropertyNames);

        /// <summary>Whether a RillaGen property or parameter takes an API key.</summary>
        public bool TakesApiKey(ISymbol propertyOrParameter) => _apiKeys.Contains(propertyOrParameter.OriginalDefinition);

        private static bool MayAssign(IOperation assignment, HashSet<string> names)
        {
            if (!(assignment.Syntax is AssignmentExpressionSyntax syntax))
            {
                return true;
            }

            switch (syntax.Left)
            {
                case IdentifierNameSyntax identifier:
                    return names.Contains(identifier.Identifier.ValueText);
                case MemberAccessExpressionSyntax access:
                    return names.Contains(access.Name.Identifier.ValueText);
                default:
                    return true;
            }
        }

        private static RillaSymbols? TryCreateCore(Compilation compilation)
        {
            var assembly = FindRillaAssembly(compilation);
            return assembly is null ? null : new RillaSymbols(compilation, assembly);
        }

        private static IAssemblySymbol? FindRillaAssembly(Compilation compilation)
        {
            if (compilation.AssemblyName == RillaAssemblyName)
            {
                return compilation.Assembly;
            }

            // Identities first: cheap, and enough to bail out when RillaGen is not referenced.
            var referenced = false;
            foreach (var identity in compilation.ReferencedAssemblyNames)
            {
                if (identity.Name == RillaAssemblyName)
                {
                    referenced = true;
                    break;
                }
            }

            if (!referenced)
            {
                return null;
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

        private void ReadNamespace(INamespaceSymbol ns, MetadataAttributes metadata)
        {
            foreach (var member in ns.GetMembers())
            {
                if (member is INamespaceSymbol inner)
                {
                    ReadNamespace(inner, metadata);
                }
                else if (member is INamedTypeSymbol type)
                {
                    ReadType(type, metadata);
                }
            }
        }

        private void ReadType(INamedTypeSymbol type, MetadataAttributes metadata)
        {
            foreach (var member in type.GetMembers())
            {
                switch (member)
                {
                    case IPropertySymbol property:
                        ReadProperty(property, metadata);
                        break;
                    case IMethodSymbol method:
                        foreach (var parameter in method.Parameters)
                        {
                            ReadParameter(parameter, metadata);
                        }

                        break;
                    case INamedTypeSymbol nested:
                        ReadType(nested, metadata);
                        break;
                }
            }
        }

        private void ReadProperty(IPropertySymbol property, MetadataAttributes metadata)
        {
            foreach (var attribute in property.GetAttributes())
            {
                var type = attribute.AttributeClass;
                if (type is null)
                {
                    continue;
                }

                if (SymbolEqualityComparer.Default.Equals(type, metadata.DeprecatedAlias))
                {
                    var canonicalJsonName = attribute.ConstructorArguments.Length == 1 ? attribute.ConstructorArguments[0].Value as string : null;
                    var canonical = canonicalJsonName is null ? null : FindPropertyByJsonName(property.ContainingType, canonicalJsonName);
                    _aliases[property] = new AliasInfo(canonicalJsonName, canonical);
                }
                else if (SymbolEqualityComparer.Default.Equals(type, metadata.PresignedUrl))
                {
                    if (attribute.ConstructorArguments.Length == 1 && attribute.ConstructorArguments[0].Value is int seconds)
                    {
                        _presignedUrls[property] = seconds;
                    }
                }
                else if (SymbolEqualityComparer.Default.Equals(type, metadata.Range))
                {
                    if (ReadRange(attribute) is { } range)
                    {
                        _ranges[property] = range;
                        _rangedPropertyNames.Add(property.Name);
                        HasRangedProperties = true;
                    }
                }
                else if (SymbolEqualityComparer.Default.Equals(type, metadata.ApiKey))
                {
                    _apiKeys.Add(property);
                    _apiKeyPropertyNames.Add(property.Name);
                    HasApiKeyProperties = true;
                }
            }
        }

        private void ReadParameter(IParameterSymbol parameter, MetadataAttributes metadata)
        {
            foreach (var attribute in parameter.GetAttributes())
            {
                var type = attribute.AttributeClass;
                if (SymbolEqualityComparer.Default.Equals(type, metadata.Range))
                {
                    if (ReadRange(attribute) is { } range)
                    {
                        _ranges[parameter] = range;
                        HasRangedParameters = true;
                    }
                }
                else if (SymbolEqualityComparer.Default.Equals(type, metadata.ApiKey))
                {
                    _apiKeys.Add(parameter);
                    HasApiKeyParameters = true;
                }
            }
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

        private static RangeInfo? ReadRange(AttributeData attribute)
        {
            if (attribute.ConstructorArguments.Length != 2)
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

        private sealed class MetadataAttributes
        {
            public MetadataAttributes(INamedTypeSymbol? deprecatedAlias, INamedTypeSymbol? presignedUrl, INamedTypeSymbol? apiKey, INamedTypeSymbol? range)
            {
                DeprecatedAlias = deprecatedAlias;
                PresignedUrl = presignedUrl;
                ApiKey = apiKey;
                Range = range;
            }

            public INamedTypeSymbol? DeprecatedAlias { get; }

            public INamedTypeSymbol? PresignedUrl { get; }

            public INamedTypeSymbol? ApiKey { get; }

            public INamedTypeSymbol? Range { get; }
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
