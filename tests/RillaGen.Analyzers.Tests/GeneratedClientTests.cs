using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using RillaGen.Analyzers.Tests.Infrastructure;
using Xunit;

namespace RillaGen.Analyzers.Tests
{
    /// <summary>No rule fires on the generated client, nor on a user's own types that share its names.</summary>
    public sealed class GeneratedClientTests : IDisposable
    {
        private readonly string _folder = Directory.CreateTempSubdirectory("rilla-generated-").FullName;

        public void Dispose() => Directory.Delete(_folder, recursive: true);

        [Fact]
        public async Task No_rule_fires_on_the_generated_client_compiled_as_source()
        {
            var generated = await ClientGenerator.GenerateAsync(Repository.Spec, _folder);

            // A hand-written file in the same compilation proves the analyzers are running there.
            const string handWritten = """
                namespace RillaGen
                {
                    internal static class HandWritten
                    {
                        internal static string? Read(Checklist checklist) => checklist.{|#0:Name|};
                    }
                }
                """;

            var test = new AllAnalyzersTest();
            test.TestState.Sources.Add(("/0/RillaExportClient.g.cs", generated));
            foreach (var (path, text) in RillaReferences.GeneratedClientDependencies())
            {
                test.TestState.Sources.Add(("/0/" + Path.GetRelativePath(Repository.ClientSources, path).Replace('\\', '/'), text));
            }

            test.TestState.AdditionalReferences.AddRange(RillaReferences.ClientDependencies);

            test.TestState.Sources.Add(("/0/HandWritten.cs", handWritten));
            test.SolutionTransforms.Add((solution, projectId) => solution.WithProjectAssemblyName(projectId, "RillaGen"));

            await Verify.AllAnalyzersAsync(test, rillaGen: null, Verify.Diagnostic(Descriptors.Rilla001DeprecatedAlias).WithLocation(0));
        }

        private const string LookAlikes = """
            using System.Collections.Generic;
            using System.ComponentModel.DataAnnotations;
            using System.IO;

            namespace MyApp
            {
                public class Checklist { public string? Name { get; set; } public int Score { get; set; } }
                public class Tracker { public bool IsHit { get; set; } public double AiScore { get; set; } }
                public class ConversationsExport { public string AudioUrl { get; set; } = ""; public string TranscriptUrl { get; set; } = ""; }
                public class ExportConversationsRequest { [Range(1, 50)] public int? Limit { get; set; } [Range(1, int.MaxValue)] public int? Page { get; set; } }
                public class RillaClientOptions { public string? ApiKey { get; set; } }

                class Usage
                {
                    string? _url;
                    readonly List<string> _urls = new();

                    void Run(Checklist checklist, Tracker tracker, ConversationsExport conversation)
                    {
                        checklist.Score = checklist.Score + 1;
                        var name = checklist.Name;
                        var hit = tracker.IsHit && tracker.AiScore > 0.5;
                        _url = conversation.AudioUrl;
                        _urls.Add(conversation.TranscriptUrl);
                        File.WriteAllText("a.txt", conversation.AudioUrl);
                        var request = new ExportConversationsRequest { Limit = 500, Page = 0 };
                        var options = new RillaClientOptions { ApiKey = "Bearer rk_live_0123456789" };
                    }
                }
            }
            """;

        [Fact]
        public async Task No_rule_fires_on_a_users_own_types_that_share_RillaGen_names()
        {
            var test = new AllAnalyzersTest { TestCode = LookAlikes };
            await Verify.AllAnalyzersAsync(test, RillaReferences.BuiltRillaGen);
        }

        [Fact]
        public async Task No_rule_fires_on_look_alikes_that_copy_RillaGen_metadata_attributes()
        {
            // Only attributes on RillaGen's own members are trusted: a user's type carrying them is not RillaGen's.
            const string source = """
                using RillaGen.Metadata;

                namespace MyApp
                {
                    public class Checklist
                    {
                        [Newtonsoft.Json.JsonProperty("checklistName")] public string? ChecklistName { get; set; }
                        [DeprecatedAlias("checklistName")] public string? Name { get; set; }
                        [PresignedUrl(21600)] public string AudioUrl { get; set; } = "";
                        [ApiKey] public string? ApiKey { get; set; }
                    }

                    class Usage
                    {
                        string? _url;

                        void Run(Checklist checklist)
                        {
                            var name = checklist.Name;
                            _url = checklist.AudioUrl;
                            checklist.ApiKey = "rk_live_0123456789";
                        }
                    }
                }
                """;

            var test = new AllAnalyzersTest { TestCode = source };
            await Verify.AllAnalyzersAsync(test, RillaReferences.BuiltRillaGen);
        }

        [Fact]
        public async Task Nothing_is_reported_when_RillaGen_is_not_referenced()
        {
            var test = new AllAnalyzersTest { TestCode = LookAlikes };
            await Verify.AllAnalyzersAsync(test, rillaGen: null);
        }

        [Fact]
        public void Every_analyzer_supports_only_catalogued_rules()
        {
            var catalogued = typeof(Descriptors).GetFields().Select(f => f.GetValue(null)).OfType<DiagnosticDescriptor>().Select(d => d.Id).ToHashSet();
            var supported = AllAnalyzersTest.Analyzers.SelectMany(a => a.SupportedDiagnostics).Select(d => d.Id).ToHashSet();
            Assert.Equal(["RILLA001", "RILLA002", "RILLA003", "RILLA004", "RILLA005"], catalogued.Order());
            Assert.Equal(catalogued.Order(), supported.Order());
        }
    }
}
