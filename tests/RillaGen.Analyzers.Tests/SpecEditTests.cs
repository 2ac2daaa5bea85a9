using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using RillaGen.Analyzers.Tests.Infrastructure;
using Xunit;
using YamlDotNet.RepresentationModel;

namespace RillaGen.Analyzers.Tests
{
    /// <summary>
    /// Proves the analyzer knows nothing of the spec by heart: a copy of the spec gains a deprecated
    /// alias and an expiring URL and a new maximum, the build's NSwag regenerates the client, and the
    /// unchanged analyzers flag the new cases.
    /// </summary>
    public sealed class SpecEditTests : IDisposable
    {
        private readonly string _folder = Directory.CreateTempSubdirectory("rilla-spec-edit-").FullName;

        public void Dispose() => Directory.Delete(_folder, recursive: true);

        [Fact]
        public async Task The_unchanged_analyzers_flag_what_an_edited_spec_adds()
        {
            var spec = Path.Combine(_folder, "rilla-export.yaml");
            EditSpec(Repository.Spec, spec);
            var generated = await ClientGenerator.GenerateAsync(spec, _folder);
            Assert.Contains("[RillaGen.Metadata.DeprecatedAlias(\"title\")]", generated, StringComparison.Ordinal);
            Assert.Contains("[RillaGen.Metadata.PresignedUrl(3600)]", generated, StringComparison.Ordinal);

            var rillaGen = await RillaReferences.CompileRillaGenAsync(
                RillaReferences.GeneratedClientDependencies().Append(("RillaExportClient.g.cs", generated)));

            const string source = """
                using RillaGen;

                class Sync
                {
                    string? _video;
                    string? _audio;

                    void Run(ConversationsExport conversation, ExportConversationsRequest request)
                    {
                        var title = conversation.{|#0:RecordingTitle|};
                        _video = {|#1:conversation.VideoUrl|};
                        _audio = {|#2:conversation.AudioUrl|};
                        request.Limit = 100;
                        request.Limit = {|#3:250|};
                        var name = conversation.Checklists.First().{|#4:Name|};
                    }
                }
                """;

            var test = new AllAnalyzersTest { TestCode = "using System.Linq;\n" + source };
            await Verify.AllAnalyzersAsync(
                test,
                rillaGen,
                Verify.Message(Descriptors.Rilla001DeprecatedAlias).WithLocation(0).WithArguments("ConversationsExport.RecordingTitle", "title", "ConversationsExport.Title"),
                Verify.Message(Descriptors.Rilla002PresignedUrlPersisted).WithLocation(1).WithArguments("ConversationsExport.VideoUrl", "1 hour", "stored in the field 'Sync._video'"),
                Verify.Message(Descriptors.Rilla002PresignedUrlPersisted).WithLocation(2).WithArguments("ConversationsExport.AudioUrl", "6 hours", "stored in the field 'Sync._audio'"),
                Verify.Message(Descriptors.Rilla003OutOfRange).WithLocation(3).WithArguments("ExportConversationsRequest.Limit", "between 1 and 200", "250", "200"),
                Verify.Message(Descriptors.Rilla001DeprecatedAlias).WithLocation(4).WithArguments("Checklist.Name", "checklistName", "Checklist.ChecklistName"));
        }

        private static void EditSpec(string from, string to)
        {
            var yaml = new YamlStream();
            using (var reader = new StreamReader(from))
            {
                yaml.Load(reader);
            }

            var schemas = Map(Map(yaml.Documents[0].RootNode, "components"), "schemas");
            var conversation = Map(Map(schemas, "ConversationsExport"), "properties");
            conversation.Add("recordingTitle", new YamlMappingNode
            {
                { "type", "string" },
                { "deprecated", "true" },
                { "x-rilla-alias-of", "title" },
                { "description", "Deprecated alias of title, added by the spec-edit test." },
            });
            conversation.Add("videoUrl", new YamlMappingNode
            {
                { "type", "string" },
                { "x-rilla-presigned-url-expires-after-seconds", "3600" },
                { "description", "Presigned video URL, added by the spec-edit test." },
            });

            var limit = Map(Map(Map(schemas, "ExportConversationsRequest"), "properties"), "limit");
            limit.Children[new YamlScalarNode("maximum")] = new YamlScalarNode("200");

            using var writer = new StreamWriter(to);
            yaml.Save(writer, assignAnchors: false);
        }

        private static YamlMappingNode Map(YamlNode node, string key) => (YamlMappingNode)((YamlMappingNode)node).Children[new YamlScalarNode(key)];
    }
}
