using NJsonSchema;
using Newtonsoft.Json.Linq;

namespace RillaGen.Tests;

/// <summary>The reference's example payloads, and the spec's own examples, validate against the spec's schemas.</summary>
public sealed class ExampleValidationTests(SpecFixture spec) : IClassFixture<SpecFixture>
{
    public static TheoryData<int> ReferenceExampleIndexes() => new(Enumerable.Range(0, ReferenceDocument.Load(RepoPaths.Reference).Examples.Count));

    [Fact]
    public void The_parser_finds_every_json_example_of_the_reference()
    {
        Assert.Equal(
            ["ConversationsExport", "ExportConversationsRequest", "ExportConversationsResponse", "ExportTeamsRequest",
             "ExportTeamsResponse", "ExportUsersRequest", "ExportUsersResponse"],
            spec.Reference.Examples.Select(e => e.Schema));
    }

    [Theory]
    [MemberData(nameof(ReferenceExampleIndexes))]
    public void Each_reference_example_validates_against_its_schema(int index)
    {
        var example = spec.Reference.Examples[index];
        var errors = spec.Schema(example.Schema).Validate(example.Json, SchemaType.OpenApi3);
        Assert.True(errors.Count == 0, $"{example.Endpoint} {example.Schema}: {string.Join("; ", errors)}");
    }

    [Fact]
    public void A_payload_that_breaks_the_schema_is_rejected()
    {
        // Guards the validator itself: a wrong type and a missing required field must be caught.
        var errors = spec.Schema("ExportConversationsRequest").Validate("""{"fromDate": 5, "limit": 51}""", SchemaType.OpenApi3);
        Assert.Contains(errors, e => e.Property == "toDate");
        Assert.Contains(errors, e => e.Property == "limit");
    }

    [Fact]
    public void Every_example_in_the_spec_validates_against_its_schema()
    {
        var raw = YamlJson.Load(RepoPaths.Spec);
        var checkedCount = 0;
        foreach (var (path, item) in spec.Document.Paths)
        {
            foreach (var (method, operation) in item)
            {
                var rawOperation = raw["paths"]![path]![method]!;
                var mediaTypes = operation.Responses.Select(r => (Raw: rawOperation["responses"]![r.Key]!, Model: r.Value.ActualResponse))
                    .SelectMany(r => r.Model.Content.Select(c => (Raw: Resolve(raw, r.Raw)["content"]![c.Key]!, Schema: c.Value.Schema)))
                    .Concat(operation.RequestBody?.Content.Select(c => (Raw: rawOperation["requestBody"]!["content"]![c.Key]!, Schema: c.Value.Schema)) ?? []);
                foreach (var (rawMediaType, schema) in mediaTypes)
                {
                    var examples = (rawMediaType["examples"] as JObject)?.Properties().Select(p => Resolve(raw, p.Value)["value"]!).ToList() ?? [];
                    if (rawMediaType["example"] is { } single)
                    {
                        examples.Add(single);
                    }

                    foreach (var example in examples)
                    {
                        var json = example.ToString(Newtonsoft.Json.Formatting.None);
                        var errors = schema.ActualSchema.Validate(json, SchemaType.OpenApi3);
                        Assert.True(errors.Count == 0, $"{method} {path}: {string.Join("; ", errors)} in {json}");
                        checkedCount++;
                    }
                }
            }
        }

        Assert.True(checkedCount >= 10, $"Only {checkedCount} examples were found in the spec.");
    }

    private static JToken Resolve(JToken root, JToken node) =>
        node["$ref"]?.Value<string>() is { } reference
            ? Resolve(root, reference.TrimStart('#', '/').Split('/').Aggregate(root, (current, part) => current[part]!))
            : node;

    [SkippableFact]
    public void The_bundled_reference_copy_matches_the_shared_reference()
    {
        Skip.IfNot(File.Exists(RepoPaths.SharedReference), "No shared/reference beside the repository.");
        Assert.Equal(File.ReadAllText(RepoPaths.SharedReference), File.ReadAllText(RepoPaths.Reference));
    }
}
