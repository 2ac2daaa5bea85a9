using NJsonSchema;

namespace RillaGen.Tests;

/// <summary>Every field of every table in the reference is in the spec, with its type and nullability.</summary>
public sealed class ReferenceTablesTests(SpecFixture spec) : IClassFixture<SpecFixture>
{
    public static TheoryData<string> TableSchemas() => new(ReferenceDocument.Load(RepoPaths.Reference).Tables.Select(t => t.Schema));

    [Fact]
    public void The_parser_finds_every_table_of_the_reference()
    {
        var names = spec.Reference.Tables.Select(t => t.Schema).ToArray();
        Assert.Equal(
            ["ExportConversationsRequest", "ExportConversationsResponse", "ExportTeamsRequest", "ExportTeamsResponse",
             "ExportUsersRequest", "ExportUsersResponse", "ConversationsExport", "Viewer", "Checklist", "Tracker",
             "AiTracker", "Team", "User", "LiveCoaching"],
            names);
        Assert.Equal(40, spec.Reference.Tables.Single(t => t.Schema == "User").Rows.Count);
    }

    [Theory]
    [MemberData(nameof(TableSchemas))]
    public void Each_reference_field_has_its_type_nullability_and_required_flag(string schemaName)
    {
        var table = spec.Reference.Tables.Single(t => t.Schema == schemaName);
        var schema = spec.Schema(schemaName);
        foreach (var row in table.Rows)
        {
            Assert.True(schema.Properties.TryGetValue(row.Name, out var property), $"{schemaName}.{row.Name} is missing from the spec.");
            AssertType(schemaName, row, property!);
            var required = row.Required ?? true; // response models: every listed field is always present
            Assert.True(required == schema.RequiredProperties.Contains(row.Name), $"{schemaName}.{row.Name}: required should be {required}.");
            Assert.False(string.IsNullOrWhiteSpace(property!.Description), $"{schemaName}.{row.Name} has no description.");
        }
    }

    [Theory]
    [MemberData(nameof(TableSchemas))]
    public void The_spec_adds_no_field_the_reference_does_not_name(string schemaName)
    {
        var table = spec.Reference.Tables.Single(t => t.Schema == schemaName);
        var schema = spec.Schema(schemaName);
        var extra = schema.Properties.Keys.Except(table.Rows.Select(r => r.Name))
            .Where(name => !schema.Properties[name].IsDeprecated);
        Assert.Empty(extra);
    }

    [Theory]
    [InlineData("Checklist", "name", "checklistName")]
    [InlineData("Checklist", "score", "checklistScore")]
    [InlineData("Checklist", "denominator", "checklistDenominator")]
    [InlineData("Tracker", "name", "trackerName")]
    [InlineData("Tracker", "isHit", "trackerIsHit")]
    [InlineData("Tracker", "aiScore", "trackerAiScore")]
    public void Aliases_the_reference_names_in_prose_are_deprecated_and_name_their_replacement(string schemaName, string alias, string canonical)
    {
        var text = File.ReadAllText(RepoPaths.Reference);
        Assert.Contains($"unprefixed aliases", text);
        var property = spec.Schema(schemaName).Properties[alias];
        Assert.True(property.IsDeprecated, $"{schemaName}.{alias} should be deprecated.");
        Assert.Equal(canonical, property.ExtensionData?["x-rilla-alias-of"]);
        Assert.Equal(spec.Schema(schemaName).Properties[canonical].Type, property.Type);
    }

    [Theory]
    [InlineData("AiTracker", "isHit")]
    [InlineData("AiTracker", "aiScore")]
    [InlineData("Team", "name")]
    [InlineData("User", "name")]
    [InlineData("Viewer", "name")]
    public void Canonical_fields_that_share_an_alias_name_are_not_deprecated(string schemaName, string field)
    {
        Assert.False(spec.Schema(schemaName).Properties[field].IsDeprecated);
    }

    [Theory]
    [InlineData("audioUrl")]
    [InlineData("transcriptUrl")]
    public void Presigned_urls_are_marked_as_expiring_six_hours_after_the_response(string field)
    {
        var property = spec.Schema("ConversationsExport").Properties[field];
        Assert.Equal(6 * 3600, Convert.ToInt32(property.ExtensionData?["x-rilla-presigned-url-expires-after-seconds"], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Contains("Expires 6 hours after the response", property.Description, StringComparison.Ordinal);
    }

    private static void AssertType(string schemaName, FieldRow row, JsonSchemaProperty property)
    {
        var where = $"{schemaName}.{row.Name} ({row.Type})";
        var actual = property.ActualTypeSchema;
        var nullable = row.Type.EndsWith("| null", StringComparison.Ordinal);
        Assert.True(nullable == property.IsNullable(SchemaType.OpenApi3), $"{where}: nullable should be {nullable}.");
        var baseType = nullable ? row.Type[..^"| null".Length].Trim() : row.Type;
        switch (baseType)
        {
            case "string":
                Assert.True(actual.Type.HasFlag(JsonObjectType.String), $"{where}: expected a string, got {actual.Type}.");
                break;
            case "number":
                Assert.True(actual.Type.HasFlag(JsonObjectType.Number) || actual.Type.HasFlag(JsonObjectType.Integer), $"{where}: expected a number, got {actual.Type}.");
                break;
            case "boolean":
                Assert.True(actual.Type.HasFlag(JsonObjectType.Boolean), $"{where}: expected a boolean, got {actual.Type}.");
                break;
            case "array":
                Assert.True(actual.Type.HasFlag(JsonObjectType.Array), $"{where}: expected an array, got {actual.Type}.");
                break;
            case "string[]":
                Assert.True(actual.Type.HasFlag(JsonObjectType.Array), $"{where}: expected an array, got {actual.Type}.");
                Assert.True(actual.Item!.ActualSchema.Type.HasFlag(JsonObjectType.String), $"{where}: expected string items.");
                break;
            case "object":
                Assert.True(actual.Type.HasFlag(JsonObjectType.Object), $"{where}: expected an object, got {actual.Type}.");
                break;
            default:
                throw new Xunit.Sdk.XunitException($"{where}: the test does not know the reference type '{baseType}'.");
        }
    }
}
