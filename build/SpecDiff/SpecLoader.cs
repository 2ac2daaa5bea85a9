using NSwag;

namespace RillaGen.SpecDiff;

/// <summary>Loads an OpenAPI document from a YAML or JSON file.</summary>
internal static class SpecLoader
{
    public static Task<OpenApiDocument> LoadAsync(FileInfo file, CancellationToken cancellationToken)
    {
        var isJson = file.Extension.Equals(".json", StringComparison.OrdinalIgnoreCase);
        return isJson
            ? OpenApiDocument.FromFileAsync(file.FullName, cancellationToken)
            : OpenApiYamlDocument.FromFileAsync(file.FullName, cancellationToken);
    }
}
