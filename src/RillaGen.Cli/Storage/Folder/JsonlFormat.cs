using System.Text;
using System.Text.Json;

namespace RillaGen.Cli.Storage.Folder;

/// <summary>JSON Lines: one JSON object per row, typed by column (numbers, booleans, embedded JSON).</summary>
internal sealed class JsonlFormat : IFolderFormat
{
    private static readonly JsonWriterOptions WriterOptions = new() { Indented = false, SkipValidation = false };

    public string Extension => "jsonl";

    public IEnumerable<string?[]> Read(string path, TableSchema table)
    {
        foreach (var line in File.ReadLines(path, Encoding.UTF8))
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            using var document = JsonDocument.Parse(line);
            var cells = new string?[table.Columns.Count];
            for (var i = 0; i < cells.Length; i++)
            {
                cells[i] = document.RootElement.TryGetProperty(table.Columns[i].Name, out var value) ? CellOf(value, table.Columns[i].Type) : null;
            }

            yield return cells;
        }
    }

    public void Write(Stream destination, TableSchema table, IEnumerable<string?[]> rows)
    {
        var newline = "\n"u8.ToArray();
        foreach (var row in rows)
        {
            using (var writer = new Utf8JsonWriter(destination, WriterOptions))
            {
                writer.WriteStartObject();
                for (var i = 0; i < row.Length; i++)
                {
                    var column = table.Columns[i];
                    writer.WritePropertyName(column.Name);
                    WriteCell(writer, column.Type, row[i]);
                }

                writer.WriteEndObject();
            }

            destination.Write(newline);
        }
    }

    private static void WriteCell(Utf8JsonWriter writer, ColumnType type, string? cell)
    {
        if (cell is null)
        {
            writer.WriteNullValue();
            return;
        }

        switch (type)
        {
            case ColumnType.Integer or ColumnType.Real or ColumnType.Decimal:
                writer.WriteRawValue(cell, skipInputValidation: false);
                break;
            case ColumnType.Boolean:
                writer.WriteBooleanValue(cell == "true");
                break;
            case ColumnType.Json:
                writer.WriteRawValue(cell, skipInputValidation: false);
                break;
            default:
                writer.WriteStringValue(cell);
                break;
        }
    }

    private static string? CellOf(JsonElement value, ColumnType type) => value.ValueKind switch
    {
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        _ when type == ColumnType.Json => value.GetRawText(),
        JsonValueKind.String => value.GetString(),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        _ => value.GetRawText(),
    };
}
