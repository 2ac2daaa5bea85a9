using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace RillaGen.Analyzers.Tests.Infrastructure
{
    /// <summary>Runs an analyzer (or all of them) and its code fix over sources that use RillaGen.</summary>
    internal static class Verify
    {
        /// <summary>Expects the rule at a location, without checking the message or the additional locations.</summary>
        public static DiagnosticResult Diagnostic(DiagnosticDescriptor descriptor) =>
            new DiagnosticResult(descriptor.Id, descriptor.DefaultSeverity).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations);

        /// <summary>Expects the rule with its message (give the arguments with WithArguments), without checking the additional locations.</summary>
        public static DiagnosticResult Message(DiagnosticDescriptor descriptor) =>
            new DiagnosticResult(descriptor).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations);

        public static Task AnalyzerAsync<TAnalyzer>(string source, params DiagnosticResult[] expected)
            where TAnalyzer : DiagnosticAnalyzer, new() =>
            AnalyzerAsync<TAnalyzer>(source, RillaReferences.BuiltRillaGen, expected);

        public static Task AnalyzerAsync<TAnalyzer>(string source, MetadataReference rillaGen, params DiagnosticResult[] expected)
            where TAnalyzer : DiagnosticAnalyzer, new()
        {
            var test = new CSharpAnalyzerTest<TAnalyzer, DefaultVerifier> { TestCode = source };
            Configure(test, rillaGen);
            test.ExpectedDiagnostics.AddRange(expected);
            return test.RunAsync();
        }

        /// <summary>Every RillaGen analyzer at once, with compiler warnings checked too.</summary>
        public static Task AllAnalyzersAsync(AllAnalyzersTest test, MetadataReference? rillaGen, params DiagnosticResult[] expected)
        {
            Configure(test, rillaGen);
            test.ExpectedDiagnostics.AddRange(expected);
            return test.RunAsync();
        }

        public static Task CodeFixAsync<TAnalyzer, TCodeFix>(string source, string fixedSource, params DiagnosticResult[] expected)
            where TAnalyzer : DiagnosticAnalyzer, new()
            where TCodeFix : CodeFixProvider, new()
        {
            var test = new CSharpCodeFixTest<TAnalyzer, TCodeFix, DefaultVerifier> { TestCode = source, FixedCode = fixedSource };
            Configure(test, RillaReferences.BuiltRillaGen);
            test.ExpectedDiagnostics.AddRange(expected);
            return test.RunAsync();
        }

        /// <summary>Fix All over several documents and two projects, in one pass per scope.</summary>
        public static Task FixAllAsync<TAnalyzer, TCodeFix>(
            IReadOnlyList<string> sources,
            IReadOnlyList<string> fixedSources,
            IReadOnlyList<string> otherProjectSources,
            IReadOnlyList<string> otherProjectFixedSources,
            CodeFixTestBehaviors behaviors)
            where TAnalyzer : DiagnosticAnalyzer, new()
            where TCodeFix : CodeFixProvider, new()
        {
            var test = new CSharpCodeFixTest<TAnalyzer, TCodeFix, DefaultVerifier>
            {
                CodeFixTestBehaviors = behaviors,
                NumberOfFixAllIterations = 1,
                NumberOfFixAllInDocumentIterations = 1,
                NumberOfFixAllInProjectIterations = 1,
            };
            Configure(test, RillaReferences.BuiltRillaGen);
            for (var i = 0; i < sources.Count; i++)
            {
                test.TestState.Sources.Add(($"/0/Test{i}.cs", sources[i]));
                test.FixedState.Sources.Add(($"/0/Test{i}.cs", fixedSources[i]));
            }

            if (otherProjectSources.Count > 0)
            {
                var other = test.TestState.AdditionalProjects["Other"];
                var otherFixed = test.FixedState.AdditionalProjects["Other"];
                other.AdditionalReferences.Add(RillaReferences.BuiltRillaGen);
                other.AdditionalReferences.Add(RillaReferences.NewtonsoftJson);
                otherFixed.AdditionalReferences.Add(RillaReferences.BuiltRillaGen);
                otherFixed.AdditionalReferences.Add(RillaReferences.NewtonsoftJson);
                for (var i = 0; i < otherProjectSources.Count; i++)
                {
                    other.Sources.Add(($"/1/Test{i}.cs", otherProjectSources[i]));
                    otherFixed.Sources.Add(($"/1/Test{i}.cs", otherProjectFixedSources[i]));
                }
            }

            return test.RunAsync();
        }

        private static void Configure(AnalyzerTest<DefaultVerifier> test, MetadataReference? rillaGen)
        {
            test.ReferenceAssemblies = RillaReferences.Framework;
            if (rillaGen != null)
            {
                test.TestState.AdditionalReferences.Add(rillaGen);
            }

            test.TestState.AdditionalReferences.Add(RillaReferences.NewtonsoftJson);
        }
    }

    /// <summary>All of RillaGen's analyzers in one test run.</summary>
    internal sealed class AllAnalyzersTest : CSharpAnalyzerTest<DeprecatedAliasAnalyzer, DefaultVerifier>
    {
        public static ImmutableArray<DiagnosticAnalyzer> Analyzers { get; } = ImmutableArray.Create<DiagnosticAnalyzer>(
            new DeprecatedAliasAnalyzer(),
            new PresignedUrlPersistenceAnalyzer(),
            new RequestRangeAnalyzer(),
            new ApiKeyLiteralAnalyzer());

        protected override IEnumerable<DiagnosticAnalyzer> GetDiagnosticAnalyzers() => Analyzers;
    }
}
