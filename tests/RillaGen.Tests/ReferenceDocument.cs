using System.Text.RegularExpressions;

namespace RillaGen.Tests;

/// <summary>
/// Reads the API reference as captured from the web page: its field tables and its JSON examples.
/// Headings and code blocks can run together on one line, so the parser looks at line ends and braces.
/// </summary>
internal sealed partial class ReferenceDocument
{
    private static readonly Dictionary<string, (string Request, string Response)> EndpointSchemas = new()
    {
        ["POST /export/conversations"] = ("ExportConversationsRequest", "ExportConversationsResponse"),
        ["POST /export/teams"] = ("ExportTeamsRequest", "ExportTeamsResponse"),
        ["POST /export/users"] = ("ExportUsersRequest", "ExportUsersResponse"),
        ["GET /export/conversations/{conversationId}"] = ("", "ConversationsExport"),
    };

    private ReferenceDocument(IReadOnlyList<FieldTable> tables, IReadOnlyList<JsonExample> examples)
    {
        Tables = tables;
        Examples = examples;
    }

    public IReadOnlyList<FieldTable> Tables { get; }

    public IReadOnlyList<JsonExample> Examples { get; }

    public static ReferenceDocument Load(string path) => Parse(File.ReadAllText(path));

    public static ReferenceDocument Parse(string text)
    {
        var lines = text.Replace("\r\n", "\n").Split('\n');
        return new ReferenceDocument(ParseTables(lines), ParseExamples(text));
    }

    private static List<FieldTable> ParseTables(string[] lines)
    {
        var tables = new List<FieldTable>();
        string? endpoint = null;
        string? modelName = null;
        var inDataModels = false;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            var heading = EndpointHeading().Match(line);
            if (heading.Success)
            {
                endpoint = heading.Groups[1].Value;
            }

            if (line.Contains("Data Models", StringComparison.Ordinal))
            {
                inDataModels = true;
            }

            if (ModelName().IsMatch(line))
            {
                modelName = line;
            }

            var hasRequired = line == "| Field | Type | Required | Description |";
            if (!hasRequired && line != "| Field | Type | Description |")
            {
                continue;
            }

            string schema;
            if (inDataModels)
            {
                schema = modelName ?? throw new FormatException($"Line {i + 1}: a model table without a name.");
            }
            else
            {
                var schemas = EndpointSchemas[endpoint ?? throw new FormatException($"Line {i + 1}: a table before any endpoint.")];
                schema = hasRequired ? schemas.Request : schemas.Response;
            }

            var rows = new List<FieldRow>();
            for (i += 2; i < lines.Length && lines[i].Contains(" | ", StringComparison.Ordinal); i++)
            {
                var cells = lines[i].Split('|').Select(c => c.Trim()).ToArray();
                rows.Add(hasRequired
                    ? new FieldRow(cells[0], cells[1], cells[2] == "Yes", cells[3])
                    : new FieldRow(cells[0], string.Join(" | ", cells[1..^2]), null, cells[^2]));
            }

            i--;
            tables.Add(new FieldTable(schema, rows));
        }

        return tables;
    }

    private static List<JsonExample> ParseExamples(string text)
    {
        var examples = new List<JsonExample>();
        var end = 0;
        foreach (Match start in LoneOpeningBrace().Matches(text))
        {
            if (start.Index < end)
            {
                continue; // a nested object of the previous example
            }

            var json = ReadBalancedObject(text, start.Index);
            end = start.Index + json.Length;
            var before = text[..start.Index];
            var endpoint = EndpointHeading().Matches(before).Last().Groups[1].Value;
            var isRequest = before.LastIndexOf("Example Request", StringComparison.Ordinal) > before.LastIndexOf("Example Response", StringComparison.Ordinal);
            var schemas = EndpointSchemas[endpoint];
            examples.Add(new JsonExample(endpoint, isRequest ? schemas.Request : schemas.Response, json));
        }

        return examples;
    }

    private static string ReadBalancedObject(string text, int start)
    {
        var depth = 0;
        var inString = false;
        for (var i = start; i < text.Length; i++)
        {
            var c = text[i];
            if (inString)
            {
                if (c == '\\')
                {
                    i++;
                }
                else if (c == '"')
                {
                    inString = false;
                }

                continue;
            }

            switch (c)
            {
                case '"':
                    inString = true;
                    break;
                case '{':
                    depth++;
                    break;
                case '}' when --depth == 0:
                    return text[start..(i + 1)];
            }
        }

        throw new FormatException("Unbalanced JSON example at offset " + start);
    }

    // A heading line ends with the endpoint's path; "POST /export/teams HTTP/1.1" lines do not.
    [GeneratedRegex(@"((?:GET|POST) /export/[^\s]+)$", RegexOptions.Multiline)]
    private static partial Regex EndpointHeading();

    [GeneratedRegex(@"^[A-Z][A-Za-z]+$")]
    private static partial Regex ModelName();

    [GeneratedRegex(@"^\{$", RegexOptions.Multiline)]
    private static partial Regex LoneOpeningBrace();
}

internal sealed record FieldTable(string Schema, IReadOnlyList<FieldRow> Rows);

internal sealed record FieldRow(string Name, string Type, bool? Required, string Description);

internal sealed record JsonExample(string Endpoint, string Schema, string Json);
