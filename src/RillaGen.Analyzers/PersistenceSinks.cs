using System;
using Microsoft.CodeAnalysis;

namespace RillaGen.Analyzers
{
    /// <summary>
    /// Well-known framework types that persist a value (files, ADO.NET, EF Core, JSON, distributed
    /// caches) or use a URL at once (Uri, the console), resolved once per compilation. These are
    /// framework names, not knowledge of the Rilla spec.
    /// </summary>
    internal sealed class SinkSymbols
    {
        private readonly INamedTypeSymbol? _file;
        private readonly INamedTypeSymbol? _textWriter;
        private readonly INamedTypeSymbol? _dbParameterCollection;
        private readonly INamedTypeSymbol? _dbParameter;
        private readonly INamedTypeSymbol? _dbCommand;
        private readonly INamedTypeSymbol? _efDbContext;
        private readonly INamedTypeSymbol? _efDbSet;
        private readonly INamedTypeSymbol? _newtonsoftJsonConvert;
        private readonly INamedTypeSymbol? _newtonsoftJsonSerializer;
        private readonly INamedTypeSymbol? _systemTextJsonSerializer;
        private readonly INamedTypeSymbol? _distributedCache;
        private readonly INamedTypeSymbol? _distributedCacheExtensions;

        public SinkSymbols(Compilation compilation)
        {
            _file = compilation.GetTypeByMetadataName("System.IO.File");
            _textWriter = compilation.GetTypeByMetadataName("System.IO.TextWriter");
            _dbParameterCollection = compilation.GetTypeByMetadataName("System.Data.Common.DbParameterCollection");
            _dbParameter = compilation.GetTypeByMetadataName("System.Data.Common.DbParameter");
            _dbCommand = compilation.GetTypeByMetadataName("System.Data.Common.DbCommand");
            _efDbContext = compilation.GetTypeByMetadataName("Microsoft.EntityFrameworkCore.DbContext");
            _efDbSet = compilation.GetTypeByMetadataName("Microsoft.EntityFrameworkCore.DbSet`1");
            _newtonsoftJsonConvert = compilation.GetTypeByMetadataName("Newtonsoft.Json.JsonConvert");
            _newtonsoftJsonSerializer = compilation.GetTypeByMetadataName("Newtonsoft.Json.JsonSerializer");
            _systemTextJsonSerializer = compilation.GetTypeByMetadataName("System.Text.Json.JsonSerializer");
            _distributedCache = compilation.GetTypeByMetadataName("Microsoft.Extensions.Caching.Distributed.IDistributedCache");
            _distributedCacheExtensions = compilation.GetTypeByMetadataName("Microsoft.Extensions.Caching.Distributed.DistributedCacheExtensions");
            Uri = compilation.GetTypeByMetadataName("System.Uri");
            Console = compilation.GetTypeByMetadataName("System.Console");
        }

        public INamedTypeSymbol? Uri { get; }

        public INamedTypeSymbol? Console { get; }

        /// <summary>What the method does with the value, if it persists it; null otherwise.</summary>
        public string? Describe(IMethodSymbol method)
        {
            var type = method.ContainingType;
            if (type is null)
            {
                return null;
            }

            var name = method.Name;
            if (Is(type, _file) && (Starts(name, "Write") || Starts(name, "Append")))
            {
                return "written to a file by 'File." + name + "'";
            }

            if (DerivesFrom(type, _textWriter) && Starts(name, "Write"))
            {
                return "written by '" + type.Name + "." + name + "'";
            }

            if (DerivesFrom(type, _dbParameterCollection) && Starts(name, "Add"))
            {
                return "given to a database parameter by '" + type.Name + "." + name + "'";
            }

            if ((DerivesFrom(type, _efDbContext) || DerivesFrom(type, _efDbSet))
                && (Starts(name, "Add") || Starts(name, "Update") || Starts(name, "Attach")))
            {
                return "saved with EF Core's '" + type.Name + "." + name + "'";
            }

            if ((Is(type, _newtonsoftJsonConvert) && name == "SerializeObject")
                || (Is(type, _newtonsoftJsonSerializer) && name == "Serialize")
                || (Is(type, _systemTextJsonSerializer) && Starts(name, "Serialize")))
            {
                return "serialized to JSON by '" + type.Name + "." + name + "'";
            }

            if ((DerivesFrom(type, _distributedCache) || Is(type, _distributedCacheExtensions)) && Starts(name, "Set"))
            {
                return "stored in a distributed cache by '" + type.Name + "." + name + "'";
            }

            return null;
        }

        /// <summary>What a constructor does with the value, if it persists it; null otherwise.</summary>
        public string? DescribeConstructor(INamedTypeSymbol type)
        {
            if (DerivesFrom(type, _dbParameter))
            {
                return "given to the database parameter '" + type.Name + "'";
            }

            if (DerivesFrom(type, _dbCommand))
            {
                return "put in the command text of '" + type.Name + "'";
            }

            return null;
        }

        /// <summary>Framework properties that persist what is assigned to them.</summary>
        public bool IsSinkProperty(IPropertySymbol property)
        {
            var type = property.ContainingType;
            return (property.Name == "Value" && DerivesFrom(type, _dbParameter))
                || (property.Name == "CommandText" && DerivesFrom(type, _dbCommand));
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

        public static bool Is(ITypeSymbol? type, INamedTypeSymbol? wellKnown) =>
            wellKnown != null && type != null && SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, wellKnown);

        public static bool DerivesFrom(ITypeSymbol? type, INamedTypeSymbol? wellKnown)
        {
            if (wellKnown is null || type is null)
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

            if (wellKnown.TypeKind == TypeKind.Interface)
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
}
