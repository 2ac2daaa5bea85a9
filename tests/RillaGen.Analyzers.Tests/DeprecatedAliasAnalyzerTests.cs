using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using RillaGen.Analyzers.CodeFixes;
using RillaGen.Analyzers.Tests.Infrastructure;
using Xunit;

namespace RillaGen.Analyzers.Tests
{
    public class DeprecatedAliasAnalyzerTests
    {
        [Theory]
        [InlineData("Checklist", "Name", "checklistName", "ChecklistName")]
        [InlineData("Checklist", "Score", "checklistScore", "ChecklistScore")]
        [InlineData("Checklist", "Denominator", "checklistDenominator", "ChecklistDenominator")]
        [InlineData("Tracker", "Name", "trackerName", "TrackerName")]
        [InlineData("Tracker", "IsHit", "trackerIsHit", "TrackerIsHit")]
        [InlineData("Tracker", "AiScore", "trackerAiScore", "TrackerAiScore")]
        public async Task Reading_an_alias_is_flagged_with_the_canonical_property(string type, string alias, string json, string canonical)
        {
            var source = $$"""
                using RillaGen;

                class Report
                {
                    object Read({{type}} item) => item.{|#0:{{alias}}|};
                }
                """;

            await Verify.AnalyzerAsync<DeprecatedAliasAnalyzer>(
                source,
                Verify.Message(Descriptors.Rilla001DeprecatedAlias).WithLocation(0).WithArguments($"{type}.{alias}", json, $"{type}.{canonical}"));
        }

        [Fact]
        public async Task Writes_initializers_conditional_access_and_patterns_are_each_flagged_once()
        {
            const string source = """
                using RillaGen;

                class Report
                {
                    void Use(Checklist checklist, Tracker? tracker)
                    {
                        checklist.{|#0:Score|} = 3;
                        var copy = new Checklist { {|#1:Name|} = "Discovery" };
                        var hit = tracker?.{|#2:IsHit|};
                        if (checklist is { {|#3:Denominator|}: 5 })
                        {
                            System.Console.WriteLine(copy.ChecklistName + hit);
                        }
                    }
                }
                """;

            await Verify.AnalyzerAsync<DeprecatedAliasAnalyzer>(
                source,
                Verify.Diagnostic(Descriptors.Rilla001DeprecatedAlias).WithLocation(0),
                Verify.Diagnostic(Descriptors.Rilla001DeprecatedAlias).WithLocation(1),
                Verify.Diagnostic(Descriptors.Rilla001DeprecatedAlias).WithLocation(2),
                Verify.Diagnostic(Descriptors.Rilla001DeprecatedAlias).WithLocation(3));
        }

        [Fact]
        public async Task Canonical_fields_of_the_same_names_are_not_flagged()
        {
            const string source = """
                using RillaGen;

                class Report
                {
                    string Use(AiTracker ai, Team team, User user, Viewer viewer, Checklist checklist, Tracker tracker) =>
                        $"{ai.IsHit} {ai.AiScore} {ai.TrackerName} {ai.ChecklistName} {team.Name} {user.Name} {viewer.Name} " +
                        $"{checklist.ChecklistName} {checklist.ChecklistScore} {tracker.TrackerName} {tracker.TrackerIsHit} {tracker.TrackerAiScore}";
                }
                """;

            await Verify.AnalyzerAsync<DeprecatedAliasAnalyzer>(source);
        }

        [Fact]
        public async Task An_alias_use_gets_one_diagnostic_and_no_compiler_obsolete_warning()
        {
            // CompilerDiagnostics.Warnings makes the test fail on any CS0618/CS0612 beside RILLA001.
            const string source = """
                #nullable enable
                using RillaGen;

                internal static class Report
                {
                    internal static string? Read(Checklist checklist) => checklist.{|#0:Name|};
                }
                """;

            var test = new Microsoft.CodeAnalysis.CSharp.Testing.CSharpAnalyzerTest<DeprecatedAliasAnalyzer, DefaultVerifier>
            {
                TestCode = source,
                ReferenceAssemblies = RillaReferences.Framework,
                CompilerDiagnostics = CompilerDiagnostics.Warnings,
            };
            test.TestState.AdditionalReferences.Add(RillaReferences.BuiltRillaGen);
            test.TestState.AdditionalReferences.Add(RillaReferences.NewtonsoftJson);
            // As in any SDK project (NoWarn 1701;1702): the net8.0 RillaGen.dll binds to the net10.0 framework.
            test.SolutionTransforms.Add((solution, projectId) =>
            {
                var options = solution.GetProject(projectId)!.CompilationOptions!;
                return solution.WithProjectCompilationOptions(projectId, options.WithSpecificDiagnosticOptions(
                    options.SpecificDiagnosticOptions.SetItem("CS1701", ReportDiagnostic.Suppress).SetItem("CS1702", ReportDiagnostic.Suppress)));
            });
            test.ExpectedDiagnostics.Add(Verify.Diagnostic(Descriptors.Rilla001DeprecatedAlias).WithLocation(0));
            await test.RunAsync();
        }

        [Fact]
        public async Task Code_fix_replaces_the_alias_with_the_canonical_property()
        {
            const string source = """
                using RillaGen;

                class Report
                {
                    void Use(Checklist checklist, Tracker? tracker)
                    {
                        checklist.{|#0:Score|} = 3;
                        var copy = new Checklist { {|#1:Name|} = "Discovery" };
                        var hit = tracker?.{|#2:AiScore|};
                        if (checklist is { {|#3:Denominator|}: 5 }) { System.Console.WriteLine(copy.ChecklistName + hit); }
                    }
                }
                """;
            const string fixedSource = """
                using RillaGen;

                class Report
                {
                    void Use(Checklist checklist, Tracker? tracker)
                    {
                        checklist.ChecklistScore = 3;
                        var copy = new Checklist { ChecklistName = "Discovery" };
                        var hit = tracker?.TrackerAiScore;
                        if (checklist is { ChecklistDenominator: 5 }) { System.Console.WriteLine(copy.ChecklistName + hit); }
                    }
                }
                """;

            await Verify.CodeFixAsync<DeprecatedAliasAnalyzer, UseCanonicalPropertyCodeFix>(
                source,
                fixedSource,
                Verify.Diagnostic(Descriptors.Rilla001DeprecatedAlias).WithLocation(0),
                Verify.Diagnostic(Descriptors.Rilla001DeprecatedAlias).WithLocation(1),
                Verify.Diagnostic(Descriptors.Rilla001DeprecatedAlias).WithLocation(2),
                Verify.Diagnostic(Descriptors.Rilla001DeprecatedAlias).WithLocation(3));
        }

        private const string FirstDocument = """
            using RillaGen;

            class First
            {
                string? A(Checklist c) => c.[|Name|];
                int? B(Tracker t) => t.[|IsHit|] == true ? c2(t) : null;
                static int? c2(Tracker t) => (int?)t.[|AiScore|];
            }
            """;

        private const string FirstDocumentFixed = """
            using RillaGen;

            class First
            {
                string? A(Checklist c) => c.ChecklistName;
                int? B(Tracker t) => t.TrackerIsHit == true ? c2(t) : null;
                static int? c2(Tracker t) => (int?)t.TrackerAiScore;
            }
            """;

        private const string SecondDocument = """
            using RillaGen;

            class Second
            {
                int? A(Checklist c) => c.[|Score|] + c.[|Denominator|];
            }
            """;

        private const string SecondDocumentFixed = """
            using RillaGen;

            class Second
            {
                int? A(Checklist c) => c.ChecklistScore + c.ChecklistDenominator;
            }
            """;

        private const string OtherProjectDocument = """
            using RillaGen;

            class Third
            {
                string? A(Tracker t) => t.[|Name|];
            }
            """;

        private const string OtherProjectDocumentFixed = """
            using RillaGen;

            class Third
            {
                string? A(Tracker t) => t.TrackerName;
            }
            """;

        [Fact]
        public async Task Fix_all_in_document_fixes_every_alias_of_the_document()
        {
            await Verify.FixAllAsync<DeprecatedAliasAnalyzer, UseCanonicalPropertyCodeFix>(
                new[] { FirstDocument },
                new[] { FirstDocumentFixed },
                [],
                [],
                CodeFixTestBehaviors.SkipFixAllInProjectCheck | CodeFixTestBehaviors.SkipFixAllInSolutionCheck);
        }

        [Fact]
        public async Task Fix_all_in_project_fixes_every_document_of_the_project()
        {
            await Verify.FixAllAsync<DeprecatedAliasAnalyzer, UseCanonicalPropertyCodeFix>(
                new[] { FirstDocument, SecondDocument },
                new[] { FirstDocumentFixed, SecondDocumentFixed },
                [],
                [],
                CodeFixTestBehaviors.SkipFixAllInDocumentCheck | CodeFixTestBehaviors.SkipFixAllInSolutionCheck);
        }

        [Fact]
        public async Task Fix_all_in_solution_fixes_every_project()
        {
            await Verify.FixAllAsync<DeprecatedAliasAnalyzer, UseCanonicalPropertyCodeFix>(
                new[] { FirstDocument, SecondDocument },
                new[] { FirstDocumentFixed, SecondDocumentFixed },
                new[] { OtherProjectDocument },
                new[] { OtherProjectDocumentFixed },
                CodeFixTestBehaviors.SkipFixAllInDocumentCheck | CodeFixTestBehaviors.SkipFixAllInProjectCheck);
        }
    }
}
