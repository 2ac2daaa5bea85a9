using System;
using System.ComponentModel.DataAnnotations;
using System.IO;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using RillaGen.Analyzers.Tests.Infrastructure;
using RillaGen.Metadata;
using Xunit;

namespace RillaGen.Analyzers.Tests
{
    /// <summary>The analyzer's code holds no names or bounds from the spec: they come from the generated attributes.</summary>
    public class NoSpecKnowledgeTests
    {
        private static readonly Type[] ClientTypes = typeof(RillaExportClient).Assembly.GetExportedTypes();

        private static readonly PropertyInfo[] MarkedProperties = ClientTypes
            .SelectMany(t => t.GetProperties())
            .Where(p => p.GetCustomAttributes().Any(a => a is DeprecatedAliasAttribute or PresignedUrlAttribute or RangeAttribute))
            .ToArray();

        private static SyntaxToken[] AnalyzerTokens() =>
            Directory.GetFiles(Path.Combine(Repository.Root, "src", "RillaGen.Analyzers"), "*.cs", SearchOption.TopDirectoryOnly)
                .Concat(Directory.GetFiles(Path.Combine(Repository.Root, "src", "RillaGen.Analyzers.CodeFixes"), "*.cs", SearchOption.TopDirectoryOnly))
                .SelectMany(f => CSharpSyntaxTree.ParseText(File.ReadAllText(f)).GetRoot().DescendantTokens())
                .ToArray();

        [Fact]
        public void The_generated_client_carries_the_metadata_the_analyzers_read()
        {
            Assert.Contains(MarkedProperties, p => p.Name == "Limit");
            Assert.Contains(MarkedProperties, p => p.Name == "AudioUrl");
            Assert.Contains(MarkedProperties, p => p.DeclaringType!.Name == "Checklist" && p.Name == "Score");
        }

        [Fact]
        public void No_marked_member_name_or_json_name_is_a_string_in_the_analyzers()
        {
            var names = MarkedProperties
                .SelectMany(p => new[] { p.Name, p.GetCustomAttribute<Newtonsoft.Json.JsonPropertyAttribute>()?.PropertyName })
                .Where(n => n != null)
                .ToHashSet(StringComparer.OrdinalIgnoreCase);
            var strings = AnalyzerTokens().Where(t => t.IsKind(SyntaxKind.StringLiteralToken)).Select(t => t.ValueText);

            Assert.DoesNotContain(strings, names.Contains);
        }

        [Fact]
        public void No_bound_of_the_spec_is_a_number_in_the_analyzers()
        {
            var bounds = MarkedProperties
                .Select(p => p.GetCustomAttribute<RangeAttribute>())
                .Where(r => r != null)
                .SelectMany(r => new[] { Convert.ToDouble(r!.Minimum, System.Globalization.CultureInfo.InvariantCulture), Convert.ToDouble(r.Maximum, System.Globalization.CultureInfo.InvariantCulture) })
                .Where(b => b != 0 && b != 1)
                .ToHashSet();
            Assert.Contains(50d, bounds);

            var numbers = AnalyzerTokens()
                .Where(t => t.IsKind(SyntaxKind.NumericLiteralToken))
                .Select(t => Convert.ToDouble(t.Value, System.Globalization.CultureInfo.InvariantCulture));

            Assert.DoesNotContain(numbers, bounds.Contains);
        }
    }
}
