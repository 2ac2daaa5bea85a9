using Microsoft.CodeAnalysis;

namespace RillaGen.Analyzers
{
    /// <summary>
    /// Well-known APIs that persist a value (files, ADO.NET, EF Core, JSON, distributed caches) and
    /// APIs that use a URL at once (HTTP downloads, the console). These are framework names, not
    /// knowledge of the Rilla spec.
    /// </summary>
    internal static class PersistenceSinks
    {
        /// <summary>What the method does with the value, if it persists it; null otherwise.</summary>
        public static string? Describe(IMethodSymbol method)
        {
            var type = method.ContainingType;
            if (type is null)
            {
                return null;
            }

            var name = method.Name;
            if (Is(type, "System.IO.File") && (name.StartsWith("Write", System.StringComparison.Ordinal) || name.StartsWith("Append", System.StringComparison.Ordinal)))
            {
                return "written to a file by 'File." + name + "'";
            }

            if (DerivesFrom(type, "System.IO.TextWriter") && name.StartsWith("Write", System.StringComparison.Ordinal))
            {
                return "written by '" + type.Name + "." + name + "'";
            }

            if (DerivesFrom(type, "System.Data.Common.DbParameterCollection") && name.StartsWith("Add", System.StringComparison.Ordinal))
            {
                return "given to a database parameter by '" + type.Name + "." + name + "'";
            }

            if ((DerivesFrom(type, "Microsoft.EntityFrameworkCore.DbContext") || DerivesFrom(type, "Microsoft.EntityFrameworkCore.DbSet`1"))
                && (name.StartsWith("Add", System.StringComparison.Ordinal) || name.StartsWith("Update", System.StringComparison.Ordinal) || name.StartsWith("Attach", System.StringComparison.Ordinal)))
            {
                return "saved with EF Core's '" + type.Name + "." + name + "'";
            }

            if ((Is(type, "Newtonsoft.Json.JsonConvert") && name == "SerializeObject")
                || (Is(type, "Newtonsoft.Json.JsonSerializer") && name == "Serialize")
                || (Is(type, "System.Text.Json.JsonSerializer") && name.StartsWith("Serialize", System.StringComparison.Ordinal)))
            {
                return "serialized to JSON by '" + type.Name + "." + name + "'";
            }

            if ((DerivesFrom(type, "Microsoft.Extensions.Caching.Distributed.IDistributedCache") || Is(type, "Microsoft.Extensions.Caching.Distributed.DistributedCacheExtensions"))
                && name.StartsWith("Set", System.StringComparison.Ordinal))
            {
                return "stored in a distributed cache by '" + type.Name + "." + name + "'";
            }

            return null;
        }

        /// <summary>What a constructor does with the value, if it persists it; null otherwise.</summary>
        public static string? DescribeConstructor(INamedTypeSymbol type)
        {
            if (DerivesFrom(type, "System.Data.Common.DbParameter"))
            {
                return "given to the database parameter '" + type.Name + "'";
            }

            if (DerivesFrom(type, "System.Data.Common.DbCommand"))
            {
                return "put in the command text of '" + type.Name + "'";
            }

            return null;
        }

        /// <summary>Framework properties that persist what is assigned to them.</summary>
        public static bool IsSinkProperty(IPropertySymbol property)
        {
            var type = property.ContainingType;
            return (DerivesFrom(type, "System.Data.Common.DbParameter") && property.Name == "Value")
                || (DerivesFrom(type, "System.Data.Common.DbCommand") && property.Name == "CommandText");
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

        public static bool Is(ITypeSymbol? type, string metadataName) =>
            type != null && FullName(type.OriginalDefinition) == metadataName;

        public static bool DerivesFrom(ITypeSymbol? type, string metadataName)
        {
            if (type is null)
            {
                return false;
            }

            for (var current = type; current != null; current = current.BaseType)
            {
                if (Is(current, metadataName))
                {
                    return true;
                }
            }

            foreach (var implemented in type.AllInterfaces)
            {
                if (Is(implemented, metadataName))
                {
                    return true;
                }
            }

            return false;
        }

        private static string FullName(ITypeSymbol type)
        {
            var name = type.MetadataName;
            if (type.ContainingType != null)
            {
                return FullName(type.ContainingType) + "+" + name;
            }

            var ns = type.ContainingNamespace;
            return ns is null || ns.IsGlobalNamespace ? name : ns.ToDisplayString() + "." + name;
        }
    }
}
