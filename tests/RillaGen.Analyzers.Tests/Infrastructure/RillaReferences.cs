using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Testing;

namespace RillaGen.Analyzers.Tests.Infrastructure
{
    /// <summary>The references a consumer of RillaGen compiles against.</summary>
    internal static class RillaReferences
    {
        /// <summary>
        /// .NET 10 reference assemblies (Microsoft.NETCore.App.Ref 10.0.12 resolves on this machine; 9.0 does not).
        /// Not .NET 8: the client's own dependencies, loaded from the net10.0 test output, reference .NET 10.
        /// </summary>
        public static ReferenceAssemblies Framework { get; } = new ReferenceAssemblies(
            "net10.0",
            new PackageIdentity("Microsoft.NETCore.App.Ref", "10.0.12"),
            Path.Combine("ref", "net10.0"));

        /// <summary>The RillaGen.dll (net8.0) that the build generated from the spec.</summary>
        public static MetadataReference BuiltRillaGen { get; } = MetadataReference.CreateFromFile(typeof(RillaExportClient).Assembly.Location);

        public static MetadataReference NewtonsoftJson { get; } = MetadataReference.CreateFromFile(typeof(Newtonsoft.Json.JsonConvert).Assembly.Location);

        /// <summary>
        /// The packages RillaGen's own sources compile against (Newtonsoft.Json, Polly, Microsoft.Extensions.*),
        /// found through the built client's references; framework assemblies come from <see cref="Framework"/>.
        /// </summary>
        public static ImmutableArray<MetadataReference> ClientDependencies { get; } = FindClientDependencies();

        /// <summary>
        /// Compiles sources into an in-memory assembly named RillaGen, as the build would, against the
        /// same .NET 8 reference assemblies the test compilations use.
        /// </summary>
        public static async Task<MetadataReference> CompileRillaGenAsync(IEnumerable<(string Path, string Text)> sources)
        {
            var framework = await Framework.ResolveAsync(LanguageNames.CSharp, CancellationToken.None);
            var parseOptions = new CSharpParseOptions(LanguageVersion.Latest);
            var compilation = CSharpCompilation.Create(
                "RillaGen",
                sources.Select(s => CSharpSyntaxTree.ParseText(s.Text, parseOptions, s.Path)),
                framework.AddRange(ClientDependencies),
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

            using var image = new MemoryStream();
            var result = compilation.Emit(image);
            var errors = result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
            if (!result.Success)
            {
                throw new InvalidOperationException("The in-memory RillaGen does not compile:" + Environment.NewLine + string.Join(Environment.NewLine, errors));
            }

            return MetadataReference.CreateFromImage(image.ToArray());
        }

        /// <summary>RillaGen's hand-written metadata attributes, as sources.</summary>
        public static IEnumerable<(string Path, string Text)> MetadataAttributeSources() =>
            SourcesUnder(Path.Combine(Repository.ClientSources, "Metadata"));

        /// <summary>Every hand-written source of the client, which the generated code is compiled beside.</summary>
        public static IEnumerable<(string Path, string Text)> GeneratedClientDependencies() =>
            Directory.GetFiles(Repository.ClientSources, "*.cs", SearchOption.AllDirectories)
                .Where(p => !IsBuildOutput(Path.GetRelativePath(Repository.ClientSources, p)))
                .OrderBy(p => p, StringComparer.Ordinal)
                .Select(Read);

        private static bool IsBuildOutput(string relativePath) =>
            relativePath.StartsWith("obj" + Path.DirectorySeparatorChar, StringComparison.Ordinal)
            || relativePath.StartsWith("bin" + Path.DirectorySeparatorChar, StringComparison.Ordinal);

        private static ImmutableArray<MetadataReference> FindClientDependencies()
        {
            var found = new Dictionary<string, System.Reflection.Assembly>(StringComparer.Ordinal);
            var pending = new Stack<System.Reflection.Assembly>();
            pending.Push(typeof(RillaExportClient).Assembly);
            while (pending.Count > 0)
            {
                foreach (var name in pending.Pop().GetReferencedAssemblies())
                {
                    if (IsFramework(name.Name!) || found.ContainsKey(name.Name!))
                    {
                        continue;
                    }

                    var assembly = System.Reflection.Assembly.Load(name);
                    found.Add(name.Name!, assembly);
                    pending.Push(assembly);
                }
            }

            return found.Values.Select(a => (MetadataReference)MetadataReference.CreateFromFile(a.Location)).ToImmutableArray();
        }

        private static bool IsFramework(string name) =>
            name is "netstandard" or "mscorlib" || name.StartsWith("System", StringComparison.Ordinal) || name.StartsWith("Microsoft.Win32", StringComparison.Ordinal)
            || name is "Microsoft.CSharp" or "Microsoft.VisualBasic";

        private static IEnumerable<(string Path, string Text)> SourcesUnder(string folder) =>
            Directory.GetFiles(folder, "*.cs", SearchOption.AllDirectories).OrderBy(p => p, StringComparer.Ordinal).Select(Read);

        private static (string Path, string Text) Read(string path) => (path, File.ReadAllText(path));

    }
}
