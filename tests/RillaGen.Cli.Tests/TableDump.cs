using Microsoft.Data.Sqlite;
using Npgsql;
using RillaGen.Cli.Storage;
using RillaGen.Cli.Storage.Folder;

namespace RillaGen.Cli.Tests;

/// <summary>Reads a table back from any sink as sorted text rows, so outputs of two runs can be compared.</summary>
internal static class TableDump
{
    /// <summary>Columns that differ between runs by nature (timestamps of the run itself).</summary>
    private static readonly HashSet<string> Volatile = ["downloaded_at", "updated_at"];

    public static List<string> Sqlite(string path, TableSchema table)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {Columns(table)} FROM {table.Name}";
        return Read(command.ExecuteReader(), table);
    }

    public static List<string> Postgres(string connectionString, TableSchema table)
    {
        using var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        using var command = new NpgsqlCommand($"SELECT {Columns(table)} FROM {table.Name}", connection);
        return Read(command.ExecuteReader(), table);
    }

    public static List<string> Folder(string directory, TableSchema table, IFolderFormat format)
    {
        var files = new List<string>();
        var single = Path.Combine(directory, $"{table.Name}.{format.Extension}");
        if (File.Exists(single))
        {
            files.Add(single);
        }

        var folder = Path.Combine(directory, table.Name);
        if (Directory.Exists(folder))
        {
            files.AddRange(Directory.GetFiles(folder, "*." + format.Extension));
        }

        return files.SelectMany(f => format.Read(f, table)).Select(r => Line(table, r)).Order(StringComparer.Ordinal).ToList();
    }

    private static string Columns(TableSchema table) => string.Join(", ", table.Columns.Select(c => c.Name));

    private static List<string> Read(System.Data.Common.DbDataReader reader, TableSchema table)
    {
        var rows = new List<string>();
        using (reader)
        {
            while (reader.Read())
            {
                var cells = new string?[reader.FieldCount];
                for (var i = 0; i < cells.Length; i++)
                {
                    cells[i] = Normalize(table.Columns[i].Type, reader.IsDBNull(i) ? null : reader.GetValue(i));
                }

                rows.Add(Line(table, cells));
            }
        }

        rows.Sort(StringComparer.Ordinal);
        return rows;
    }

    /// <summary>The text form a folder sink stores, so every sink dumps alike.</summary>
    private static string? Normalize(ColumnType type, object? value) => (type, value) switch
    {
        (_, null) => null,
        (ColumnType.Boolean, long l) => l != 0 ? "true" : "false",
        (ColumnType.Timestamp, string s) => ValueConvert.FormatTimestamp(ValueConvert.ToTimestamp(s)!.Value),
        (ColumnType.Json, string s) => System.Text.Json.JsonDocument.Parse(s).RootElement.GetRawText(),
        (ColumnType.Real, var v) => ValueConvert.ToText(Convert.ToDouble(v, System.Globalization.CultureInfo.InvariantCulture)),
        (ColumnType.Decimal, var v) => ValueConvert.ToText(Convert.ToDecimal(v, System.Globalization.CultureInfo.InvariantCulture)),
        _ => ValueConvert.ToText(value),
    };

    private static string Line(TableSchema table, string?[] cells) =>
        string.Join(" | ", cells.Select((c, i) => Volatile.Contains(table.Columns[i].Name) ? "*" : c ?? "null"));
}
