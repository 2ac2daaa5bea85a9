using System;
using Microsoft.CodeAnalysis;

namespace RillaGen.Analyzers
{
    /// <summary>
    /// Well-known framework types that persist a value (files, ADO.NET, EF Core, JSON, distributed
    /// caches) or use a URL at once (Uri, the console). These are
    /// framework names, not knowledge of the Rilla spec.
    /// </summary>
    internal static class SinkSymbols
    {
        // Matched by name, without a compilation-wide lookup: resolving a dozen types by metadata
        // name costs more than the whole check.
        private static readonly WellKnownType File = new WellKnownType("System.IO", "File");
        private static readonly WellKnownType TextWriter = new WellKnownType("System.IO", "TextWriter");
        private static readonly WellKnownType DbParameterCollection = new WellKnownType("System.Data.Common", "DbParameterCollection");
        private static readonly WellKnownType DbParameter = new WellKnownType("System.Data.Common", "DbParameter");
        private static readonly WellKnownType DbCommand = new WellKnownType("System.Data.Common", "DbCommand");
        private static readonly WellKnownType EfDbContext = new WellKnownType("Microsoft.EntityFrameworkCore", "DbContext");
        private static readonly WellKnownType EfDbSet = new WellKnownType("Microsoft.EntityFrameworkCore", "DbSet`1");
        private static readonly WellKnownType NewtonsoftJsonConvert = new WellKnownType("Newtonsoft.Json", "JsonConvert");
        private static readonly WellKnownType NewtonsoftJsonSerializer = new WellKnownType("Newtonsoft.Json", "JsonSerializer");
        private static readonly WellKnownType SystemTextJsonSerializer = new WellKnownType("System.Text.Json", "JsonSerializer");
        private static readonly WellKnownType DistributedCache = new WellKnownType("Microsoft.Extensions.Caching.Distributed", "IDistributedCache", isInterface: true);
        private static readonly WellKnownType DistributedCacheExtensions = new WellKnownType("Microsoft.Extensions.Caching.Distributed", "DistributedCacheExtensions");

        public static WellKnownType Uri { get; } = new WellKnownType("System", "Uri");

        public static WellKnownType Console { get; } = new WellKnownType("System", "Console");

        /// <summary>What the method does with the value, if it persists it; null otherwise.</summary>
        public static string? Describe(IMethodSymbol method)
        {
            var type = method.ContainingType;
            if (type is null)
            {
                return null;
            }

            var name = method.Name;
            if (Is(type, File) && (Starts(name, "Write") || Starts(name, "Append")))
            {
                return "written to a file by 'File." + name + "'";
            }

            if (DerivesFrom(type, TextWriter) && Starts(name, "Write"))
            {
                return "written by '" + type.Name + "." + name + "'";
            }

            if (DerivesFrom(type, DbParameterCollection) && Starts(name, "Add"))
            {
                return "given to a database parameter by '" + type.Name + "." + name + "'";
            }

            if ((DerivesFrom(type, EfDbContext) || DerivesFrom(type, EfDbSet))
                && (Starts(name, "Add") || Starts(name, "Update") || Starts(name, "Attach")))
            {
                return "saved with EF Core's '" + type.Name + "." + name + "'";
            }

            if ((Is(type, NewtonsoftJsonConvert) && name == "SerializeObject")
                || (Is(type, NewtonsoftJsonSerializer) && name == "Serialize")
                || (Is(type, SystemTextJsonSerializer) && Starts(name, "Serialize")))
            {
                return "serialized to JSON by '" + type.Name + "." + name + "'";
            }

            if ((DerivesFrom(type, DistributedCache) || Is(type, DistributedCacheExtensions)) && Starts(name, "Set"))
            {
                return "stored in a distributed cache by '" + type.Name + "." + name + "'";
            }

            return null;
        }

        /// <summary>What a constructor does with the value, if it persists it; null otherwise.</summary>
        public static string? DescribeConstructor(INamedTypeSymbol type)
        {
            if (DerivesFrom(type, DbParameter))
            {
                return "given to the database parameter '" + type.Name + "'";
            }

            if (DerivesFrom(type, DbCommand))
            {
                return "put in the command text of '" + type.Name + "'";
            }

            return null;
        }

        /// <summary>Framework properties that persist what is assigned to them.</summary>
        public static bool IsSinkProperty(IPropertySymbol property)
        {
            var type = property.ContainingType;
            return (property.Name == "Value" && DerivesFrom(type, DbParameter))
                || (property.Name == "CommandText" && DerivesFrom(type, DbCommand));
        }

        /// <summary>Whether the type belongs to the framework (System.*, Microsoft.*), where only the sinks above persist.</summary>
        public static bool IsFrameworkType(INamedTypeSymbol type)
        {
            var root = type.ContainingNamespace;
            while (root != null && root.ContainingNamespace != null && !root.ContainingNamespace.IsGlobalNamespace)
            {
                root = root.ContainingNamespace;
            }

            return root != null && (root.Name == "System" || root.Name == "Microsoft");
        }

        public static bool IsCollectionAdd(IMethodSymbol method) =>
            method.Name is "Add" or "TryAdd" or "Insert" or "Enqueue" or "Push" or "AddOrUpdate" or "GetOrAdd" or "AddRange";

        public static bool Is(ITypeSymbol? type, WellKnownType wellKnown) =>
            type != null && wellKnown.Matches(type.OriginalDefinition);

        public static bool DerivesFrom(ITypeSymbol? type, WellKnownType wellKnown)
        {
            if (type is null)
            {
                return false;
            }

            for (var current = type; current != null; current = current.BaseType)
            {
                if (Is(current, wellKnown))
                {
                    return true;
                }
            }

            if (wellKnown.IsInterface)
            {
                foreach (var implemented in type.AllInterfaces)
                {
                    if (Is(implemented, wellKnown))
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        private static bool Starts(string name, string prefix) => name.StartsWith(prefix, StringComparison.Ordinal);
    }

    /// <summary>A framework type known by its namespace and metadata name.</summary>
    internal sealed class WellKnownType
    {
        private readonly string[] _namespace;

        public WellKnownType(string ns, string metadataName, bool isInterface = false)
        {
            _namespace = ns.Split('.');
            MetadataName = metadataName;
            IsInterface = isInterface;
        }

        public string MetadataName { get; }

        public bool IsInterface { get; }

        public bool Matches(ITypeSymbol type)
        {
            if (type.MetadataName != MetadataName || type.ContainingType != null)
            {
                return false;
            }

            var ns = type.ContainingNamespace;
            for (var i = _namespace.Length - 1; i >= 0; i--)
            {
                if (ns is null || ns.Name != _namespace[i])
                {
                    return false;
                }

                ns = ns.ContainingNamespace;
            }

            return ns != null && ns.IsGlobalNamespace;
        }
    }
}
