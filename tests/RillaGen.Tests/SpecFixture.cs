using NSwag;

namespace RillaGen.Tests;

/// <summary>The spec and the reference, loaded once for all the tests that read them.</summary>
public sealed class SpecFixture
{
    public SpecFixture()
    {
        Document = OpenApiYamlDocument.FromFileAsync(RepoPaths.Spec).GetAwaiter().GetResult();
        Reference = ReferenceDocument.Load(RepoPaths.Reference);
    }

    public OpenApiDocument Document { get; }

    internal ReferenceDocument Reference { get; }

    public NJsonSchema.JsonSchema Schema(string name) =>
        Document.Components.Schemas.TryGetValue(name, out var schema)
            ? schema
            : throw new Xunit.Sdk.XunitException($"The spec has no component schema '{name}'.");
}
