using System.Globalization;
using System.Text;
using CsvHelper;

namespace RillaGen.Cli.Storage.Folder;

/// <summary>RFC 4180 CSV with a header row; an empty field is no value. JSON columns hold their JSON text.</summary>
internal sealed class CsvFormat : IFolderFormat
{
    public string Extension => "csv";

    public IEnumerable<string?[]> Read(string path, TableSchema table)
    {
        using var reader = new StreamReader(path, Encoding.UTF8);
        using var csv = new CsvReader(reader, CultureInfo.InvariantCulture);
        if (!csv.Read())
        {
            yield break;
        }

        csv.ReadHeader();
        while (csv.Read())
        {
            var cells = new string?[table.Columns.Count];
            for (var i = 0; i < cells.Length; i++)
            {
                var field = csv.GetField(table.Columns[i].Name);
                cells[i] = string.IsNullOrEmpty(field) ? null : field;
            }

            yield return cells;
        }
    }

    public void Write(Stream destination, TableSchema table, IEnumerable<string?[]> rows)
    {
        using var writer = new StreamWriter(destination, new UTF8Encoding(false), leaveOpen: true);
        using var csv = new CsvWriter(writer, CultureInfo.InvariantCulture);
        foreach (var column in table.Columns)
        {
            csv.WriteField(column.Name);
        }

        csv.NextRecord();
        foreach (var row in rows)
        {
            foreach (var cell in row)
            {
                csv.WriteField(cell ?? string.Empty);
            }

            csv.NextRecord();
        }
    }
}
