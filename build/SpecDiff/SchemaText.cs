using NJsonSchema;

namespace RillaGen.SpecDiff;

/// <summary>Describes a schema's type the way a reader of the spec would say it: "string (date-time)", "array of Tracker".</summary>
internal sealed class SchemaText
{
    private readonly Dictionary<JsonSchema, string> _names;

    public SchemaText(IDictionary<string, JsonSchema> namedSchemas)
    {
        _names = new Dictionary<JsonSchema, string>(ReferenceEqualityComparer.Instance);
        foreach (var (name, schema) in namedSchemas)
        {
            _names.TryAdd(schema, name);
        }
    }

    public string Describe(JsonSchema? schema)
    {
        if (schema is null)
        {
            return "nothing";
        }

        if (schema.HasReference && _names.TryGetValue(schema.ActualSchema, out var referenced))
        {
            return referenced;
        }

        var actual = schema.ActualSchema;
        if (_names.TryGetValue(actual, out var named))
        {
            return named;
        }

        if (actual.Type.HasFlag(JsonObjectType.Array))
        {
            return "array of " + Describe(actual.Item);
        }

        var type = actual.Type == JsonObjectType.None
            ? "any"
            : string.Join(" or ", Enum.GetValues<JsonObjectType>()
                .Where(flag => flag != JsonObjectType.None && flag != JsonObjectType.Null && actual.Type.HasFlag(flag))
                .Select(flag => flag.ToString().ToLowerInvariant()));
        return string.IsNullOrEmpty(actual.Format) ? type : $"{type} ({actual.Format})";
    }
}
