using NJsonSchema;
using NSwag;

namespace RillaGen.SpecDiff;

/// <summary>
/// Finds the endpoints, fields, types and deprecations that differ between two OpenAPI documents.
/// A change is breaking when code written against the old spec can stop compiling or working:
/// something removed, a type changed, or a field's required/nullable state changed (which changes
/// the generated C# type).
/// </summary>
internal sealed class SpecComparer
{
    private readonly OpenApiDocument _old;
    private readonly OpenApiDocument _new;
    private readonly SchemaText _oldText;
    private readonly SchemaText _newText;
    private readonly List<SpecChange> _changes = [];

    public SpecComparer(OpenApiDocument oldDocument, OpenApiDocument newDocument)
    {
        _old = oldDocument;
        _new = newDocument;
        _oldText = new SchemaText(oldDocument.Definitions);
        _newText = new SchemaText(newDocument.Definitions);
    }

    public IReadOnlyList<SpecChange> Compare()
    {
        _changes.Clear();
        CompareEndpoints();
        CompareModels();
        return _changes;
    }

    private void Add(ChangeKind kind, string area, string subject, string detail, bool breaking) =>
        _changes.Add(new SpecChange(kind, area, subject, detail, breaking));

    private static Dictionary<string, OpenApiOperation> Operations(OpenApiDocument document) =>
        document.Paths
            .SelectMany(path => path.Value.Select(op => (Key: $"{op.Key.ToUpperInvariant()} {path.Key}", op.Value)))
            .ToDictionary(x => x.Key, x => x.Value, StringComparer.Ordinal);

    private void CompareEndpoints()
    {
        var oldOps = Operations(_old);
        var newOps = Operations(_new);

        foreach (var (key, op) in newOps.Where(x => !oldOps.ContainsKey(x.Key)))
        {
            Add(ChangeKind.Added, "endpoint", key, $"Added endpoint {key} ({op.OperationId}).", breaking: false);
        }

        foreach (var (key, op) in oldOps.Where(x => !newOps.ContainsKey(x.Key)))
        {
            Add(ChangeKind.Removed, "endpoint", key, $"Removed endpoint {key} ({op.OperationId}).", breaking: true);
        }

        foreach (var (key, oldOp) in oldOps)
        {
            if (!newOps.TryGetValue(key, out var newOp))
            {
                continue;
            }

            if (!string.Equals(oldOp.OperationId, newOp.OperationId, StringComparison.Ordinal))
            {
                Add(ChangeKind.Changed, "endpoint", key,
                    $"Renamed the operation of {key} from {oldOp.OperationId} to {newOp.OperationId} (the client method is renamed).", breaking: true);
            }

            if (!oldOp.IsDeprecated && newOp.IsDeprecated)
            {
                Add(ChangeKind.Deprecated, "endpoint", key, $"Deprecated endpoint {key} ({newOp.OperationId}).", breaking: false);
            }
            else if (oldOp.IsDeprecated && !newOp.IsDeprecated)
            {
                Add(ChangeKind.Changed, "endpoint", key, $"Endpoint {key} is no longer deprecated.", breaking: false);
            }

            CompareParameters(key, oldOp, newOp);
            CompareBodies(key, "request body", _oldText.Describe(oldOp.RequestBody?.ActualRequestBody.Content.Values.FirstOrDefault()?.Schema),
                _newText.Describe(newOp.RequestBody?.ActualRequestBody.Content.Values.FirstOrDefault()?.Schema));
            CompareResponses(key, oldOp, newOp);
        }
    }

    private void CompareParameters(string endpoint, OpenApiOperation oldOp, OpenApiOperation newOp)
    {
        var oldParams = oldOp.ActualParameters.ToDictionary(p => $"{p.Kind} {p.Name}", StringComparer.Ordinal);
        var newParams = newOp.ActualParameters.ToDictionary(p => $"{p.Kind} {p.Name}", StringComparer.Ordinal);

        foreach (var (key, p) in newParams.Where(x => !oldParams.ContainsKey(x.Key)))
        {
            Add(ChangeKind.Added, "parameter", $"{endpoint} {p.Name}",
                $"Added {(p.IsRequired ? "required" : "optional")} {p.Kind.ToString().ToLowerInvariant()} parameter '{p.Name}' ({_newText.Describe(p.ActualSchema)}) to {endpoint}.",
                breaking: p.IsRequired);
        }

        foreach (var (key, p) in oldParams.Where(x => !newParams.ContainsKey(x.Key)))
        {
            Add(ChangeKind.Removed, "parameter", $"{endpoint} {p.Name}",
                $"Removed {p.Kind.ToString().ToLowerInvariant()} parameter '{p.Name}' from {endpoint}.", breaking: true);
        }

        foreach (var (key, oldParam) in oldParams)
        {
            if (!newParams.TryGetValue(key, out var newParam))
            {
                continue;
            }

            var oldType = _oldText.Describe(oldParam.ActualSchema);
            var newType = _newText.Describe(newParam.ActualSchema);
            if (oldType != newType)
            {
                Add(ChangeKind.Changed, "parameter", $"{endpoint} {newParam.Name}",
                    $"Changed the type of parameter '{newParam.Name}' of {endpoint} from {oldType} to {newType}.", breaking: true);
            }

            if (oldParam.IsRequired != newParam.IsRequired)
            {
                Add(ChangeKind.Changed, "parameter", $"{endpoint} {newParam.Name}",
                    $"Parameter '{newParam.Name}' of {endpoint} is now {(newParam.IsRequired ? "required" : "optional")}.", breaking: newParam.IsRequired);
            }

            if (!oldParam.IsDeprecated && newParam.IsDeprecated)
            {
                Add(ChangeKind.Deprecated, "parameter", $"{endpoint} {newParam.Name}",
                    $"Deprecated parameter '{newParam.Name}' of {endpoint}.", breaking: false);
            }
        }
    }

    private void CompareBodies(string endpoint, string what, string oldType, string newType)
    {
        if (oldType != newType)
        {
            Add(ChangeKind.Changed, "endpoint", endpoint, $"Changed the {what} of {endpoint} from {oldType} to {newType}.", breaking: true);
        }
    }

    private void CompareResponses(string endpoint, OpenApiOperation oldOp, OpenApiOperation newOp)
    {
        foreach (var (status, oldResponse) in oldOp.Responses)
        {
            if (!newOp.Responses.TryGetValue(status, out var newResponse))
            {
                Add(ChangeKind.Removed, "response", $"{endpoint} {status}", $"Removed the {status} response of {endpoint}.",
                    breaking: status.StartsWith('2'));
                continue;
            }

            CompareBodies(endpoint, $"{status} response", _oldText.Describe(oldResponse.ActualResponse.Schema), _newText.Describe(newResponse.ActualResponse.Schema));
        }

        foreach (var status in newOp.Responses.Keys.Where(s => !oldOp.Responses.ContainsKey(s)))
        {
            Add(ChangeKind.Added, "response", $"{endpoint} {status}", $"Added a {status} response to {endpoint}.", breaking: false);
        }
    }

    private void CompareModels()
    {
        var oldModels = _old.Definitions;
        var newModels = _new.Definitions;

        foreach (var name in newModels.Keys.Where(n => !oldModels.ContainsKey(n)).Order(StringComparer.Ordinal))
        {
            Add(ChangeKind.Added, "model", name, $"Added model {name}.", breaking: false);
        }

        foreach (var name in oldModels.Keys.Where(n => !newModels.ContainsKey(n)).Order(StringComparer.Ordinal))
        {
            Add(ChangeKind.Removed, "model", name, $"Removed model {name}.", breaking: true);
        }

        foreach (var (name, oldSchema) in oldModels.OrderBy(x => x.Key, StringComparer.Ordinal))
        {
            if (newModels.TryGetValue(name, out var newSchema))
            {
                CompareSchema(name, oldSchema.ActualSchema, newSchema.ActualSchema);
            }
        }
    }

    private void CompareSchema(string model, JsonSchema oldSchema, JsonSchema newSchema)
    {
        if (!oldSchema.IsDeprecated && newSchema.IsDeprecated)
        {
            Add(ChangeKind.Deprecated, "model", model, $"Deprecated model {model}.", breaking: false);
        }

        CompareEnum(model, oldSchema, newSchema);

        var oldProps = oldSchema.ActualProperties;
        var newProps = newSchema.ActualProperties;

        foreach (var (name, p) in newProps.Where(x => !oldProps.ContainsKey(x.Key)))
        {
            Add(ChangeKind.Added, "field", $"{model}.{name}",
                $"Added {(p.IsRequired ? "required" : "optional")} field '{name}' ({_newText.Describe(p)}) to {model}.", breaking: false);
        }

        foreach (var (name, p) in oldProps.Where(x => !newProps.ContainsKey(x.Key)))
        {
            Add(ChangeKind.Removed, "field", $"{model}.{name}",
                $"Removed field '{name}' ({_oldText.Describe(p)}) from {model}.", breaking: true);
        }

        foreach (var (name, oldProp) in oldProps)
        {
            if (!newProps.TryGetValue(name, out var newProp))
            {
                continue;
            }

            var subject = $"{model}.{name}";
            var oldType = _oldText.Describe(oldProp);
            var newType = _newText.Describe(newProp);
            if (oldType != newType)
            {
                Add(ChangeKind.Changed, "field", subject, $"Changed the type of field '{name}' of {model} from {oldType} to {newType}.", breaking: true);
            }

            if (oldProp.IsRequired != newProp.IsRequired)
            {
                Add(ChangeKind.Changed, "field", subject,
                    $"Field '{name}' of {model} is now {(newProp.IsRequired ? "required" : "optional")}.", breaking: true);
            }

            if (oldProp.IsNullable(SchemaType.OpenApi3) != newProp.IsNullable(SchemaType.OpenApi3))
            {
                Add(ChangeKind.Changed, "field", subject,
                    $"Field '{name}' of {model} is now {(newProp.IsNullable(SchemaType.OpenApi3) ? "nullable" : "not nullable")}.", breaking: true);
            }

            if (!oldProp.IsDeprecated && newProp.IsDeprecated)
            {
                Add(ChangeKind.Deprecated, "field", subject, $"Deprecated field '{name}' of {model}.", breaking: false);
            }
            else if (oldProp.IsDeprecated && !newProp.IsDeprecated)
            {
                Add(ChangeKind.Changed, "field", subject, $"Field '{name}' of {model} is no longer deprecated.", breaking: false);
            }

            CompareEnum(subject, oldProp.ActualSchema, newProp.ActualSchema);
        }
    }

    private void CompareEnum(string subject, JsonSchema oldSchema, JsonSchema newSchema)
    {
        var oldValues = oldSchema.Enumeration.Select(v => v?.ToString() ?? "null").ToHashSet(StringComparer.Ordinal);
        var newValues = newSchema.Enumeration.Select(v => v?.ToString() ?? "null").ToHashSet(StringComparer.Ordinal);
        if (oldValues.Count == 0 && newValues.Count == 0)
        {
            return;
        }

        foreach (var value in newValues.Where(v => !oldValues.Contains(v)).Order(StringComparer.Ordinal))
        {
            Add(ChangeKind.Added, "enum value", $"{subject}.{value}", $"Added value '{value}' to {subject}.", breaking: false);
        }

        foreach (var value in oldValues.Where(v => !newValues.Contains(v)).Order(StringComparer.Ordinal))
        {
            Add(ChangeKind.Removed, "enum value", $"{subject}.{value}", $"Removed value '{value}' from {subject}.", breaking: true);
        }
    }
}
