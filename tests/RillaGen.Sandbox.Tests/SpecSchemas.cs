using Newtonsoft.Json.Linq;
using NJsonSchema;
using NSwag;

namespace RillaGen.Sandbox.Tests;

/// <summary>The response schemas of openapi/rilla-export.yaml, loaded once.</summary>
internal static class SpecSchemas
{
    private static readonly Lazy<Task<OpenApiDocument>> Document = new(() => OpenApiYamlDocument.FromFileAsync(SpecPath()));

    public static async Task<JsonSchema> SchemaAsync(string name) => (await Document.Value).Components.Schemas[name];

    /// <summary>Validates <paramref name="json"/> against the named component schema and fails with every error.</summary>
    public static async Task AssertValidAsync(string schemaName, string json)
    {
        var schema = await SchemaAsync(schemaName);
        var errors = schema.Validate(json, SchemaType.OpenApi3);
        Assert.True(errors.Count == 0, $"{schemaName} invalid: {string.Join("; ", errors.Select(e => $"{e.Path}: {e.Kind}"))}");
        AssertNoUndeclaredProperties(schema, JToken.Parse(json), "$");
    }

    /// <summary>The schemas allow extra fields; the sandbox must not invent any, so check that too.</summary>
    private static void AssertNoUndeclaredProperties(JsonSchema schema, JToken token, string path)
    {
        var actual = schema.ActualSchema;
        if (actual.AllOf.Count > 0)
        {
            foreach (var part in actual.AllOf)
            {
                AssertNoUndeclaredProperties(part, token, path);
            }

            return;
        }

        if (token is JObject obj && actual.ActualProperties.Count > 0)
        {
            foreach (var property in obj.Properties())
            {
                Assert.True(actual.ActualProperties.ContainsKey(property.Name), $"{path}.{property.Name} is not declared in the spec");
                AssertNoUndeclaredProperties(actual.ActualProperties[property.Name], property.Value, $"{path}.{property.Name}");
            }
        }
        else if (token is JArray array && actual.Item is not null)
        {
            for (var i = 0; i < array.Count; i++)
            {
                AssertNoUndeclaredProperties(actual.Item, array[i], $"{path}[{i}]");
            }
        }
    }

    /// <summary>The spec, found by walking up from the test binaries to the folder holding RillaGen.sln.</summary>
    public static string SpecPath()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "RillaGen.sln")))
            {
                return Path.Combine(directory.FullName, "openapi", "rilla-export.yaml");
            }
        }

        throw new InvalidOperationException($"No RillaGen.sln above {AppContext.BaseDirectory}.");
    }
}
