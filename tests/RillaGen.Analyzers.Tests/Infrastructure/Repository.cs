using System;
using System.IO;
using System.Linq;
using System.Reflection;

namespace RillaGen.Analyzers.Tests.Infrastructure
{
    /// <summary>Paths the build hands to the tests through [AssemblyMetadata].</summary>
    internal static class Repository
    {
        public static string Root { get; } = Path.GetFullPath(Metadata("RillaGen.RepositoryRoot"));

        public static string NSwagDll { get; } = Metadata("RillaGen.NSwagDll");

        public static string BuildFolder => Path.Combine(Root, "build");

        public static string Spec => Path.Combine(Root, "openapi", "rilla-export.yaml");

        public static string ClientSources => Path.Combine(Root, "src", "RillaGen");

        private static string Metadata(string key) =>
            typeof(Repository).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().FirstOrDefault(a => a.Key == key)?.Value
            ?? throw new InvalidOperationException($"The test assembly has no [AssemblyMetadata(\"{key}\")]; the test project sets it at build time.");
    }
}
