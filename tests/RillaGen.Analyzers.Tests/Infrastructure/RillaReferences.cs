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
        /// <summary>.NET 8 reference assemblies: they resolve on this machine (9.0 does not).</summary>
        public static ReferenceAssemblies Framework => ReferenceAssemblies.Net.Net80;

        /// <summary>The RillaGen.dll (net8.0) that the build generated from the spec.</summary>
        public static MetadataReference BuiltRillaGen { get; } = MetadataReference.CreateFromFile(typeof(RillaExportClient).Assembly.Location);

        public static MetadataReference NewtonsoftJson { get; } = MetadataReference.CreateFromFile(typeof(Newtonsoft.Json.JsonConvert).Assembly.Location);

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
                framework.Add(NewtonsoftJson),
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

        /// <summary>
        /// The hand-written sources the generated client needs: the metadata attributes, the exception
        /// types it throws, and the redactor those use.
        /// </summary>
        public static IEnumerable<(string Path, string Text)> GeneratedClientDependencies() =>
            MetadataAttributeSources()
                .Concat(SourcesUnder(Path.Combine(Repository.ClientSources, "Errors")))
                .Concat(new[] { Read(Path.Combine(Repository.ClientSources, "SecretRedactor.cs")) });

        private static IEnumerable<(string Path, string Text)> SourcesUnder(string folder) =>
            Directory.GetFiles(folder, "*.cs", SearchOption.AllDirectories).OrderBy(p => p, StringComparer.Ordinal).Select(Read);

        private static (string Path, string Text) Read(string path) => (path, File.ReadAllText(path));

    }
}
