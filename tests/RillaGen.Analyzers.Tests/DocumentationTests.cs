using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using RillaGen.Analyzers.Tests.Infrastructure;
using Xunit;

namespace RillaGen.Analyzers.Tests
{
    public class DocumentationTests
    {
        public static IEnumerable<object[]> Rules() =>
            AllAnalyzersTest.Analyzers.SelectMany(a => a.SupportedDiagnostics).Select(d => new object[] { d.Id });

        [Theory]
        [MemberData(nameof(Rules))]
        public void Each_rule_links_to_its_doc_in_the_repository(string id)
        {
            var descriptor = AllAnalyzersTest.Analyzers.SelectMany(a => a.SupportedDiagnostics).First(d => d.Id == id);

            Assert.Equal(Descriptors.HelpLinkBase + id + ".md", descriptor.HelpLinkUri);
            var relative = descriptor.HelpLinkUri.Substring(descriptor.HelpLinkUri.IndexOf("/blob/main/", StringComparison.Ordinal) + "/blob/main/".Length);
            var doc = Path.Combine(Repository.Root, relative);
            Assert.True(File.Exists(doc), $"{id}'s help link points at {relative}, which does not exist.");

            var text = File.ReadAllText(doc);
            Assert.StartsWith("# " + id, text, StringComparison.Ordinal);
            Assert.Contains("dotnet_diagnostic." + id + ".severity", text, StringComparison.Ordinal);
        }

        [Theory]
        [MemberData(nameof(Rules))]
        public void Each_rule_is_listed_in_the_release_tracking_file(string id)
        {
            var unshipped = File.ReadAllText(Path.Combine(Repository.Root, "src", "RillaGen.Analyzers", "AnalyzerReleases.Unshipped.md"));
            var shipped = File.ReadAllText(Path.Combine(Repository.Root, "src", "RillaGen.Analyzers", "AnalyzerReleases.Shipped.md"));
            Assert.True(unshipped.Contains(id + " |", StringComparison.Ordinal) || shipped.Contains(id + " |", StringComparison.Ordinal));
        }

        [Fact]
        public void Every_rule_is_a_warning_that_editorconfig_can_configure()
        {
            foreach (var descriptor in AllAnalyzersTest.Analyzers.SelectMany(a => a.SupportedDiagnostics))
            {
                Assert.Equal(DiagnosticSeverity.Warning, descriptor.DefaultSeverity);
                Assert.True(descriptor.IsEnabledByDefault);
                Assert.DoesNotContain(WellKnownDiagnosticTags.NotConfigurable, descriptor.CustomTags);
            }
        }
    }
}
