namespace RillaGen.Cli.Storage;

/// <summary>The rows of one table in a <see cref="WriteBatch"/>.</summary>
internal sealed class TableRows(TableSchema table)
{
    public TableSchema Table { get; } = table;

    public List<object?[]> Rows { get; } = [];

    /// <summary>For <see cref="TableScope.ReplacePerConversation"/> tables: the conversations whose rows are replaced by <see cref="Rows"/>.</summary>
    public HashSet<string> ReplacedConversations { get; } = new(StringComparer.Ordinal);
}

/// <summary>
/// Everything one page commits, written by a sink in one transaction (or, for folders, one atomic rename per file):
/// the rows of each table and the stream's checkpoint.
/// </summary>
internal sealed class WriteBatch
{
    private readonly Dictionary<TableSchema, TableRows> _tables = [];

    /// <summary>conversation_id to the yyyy-MM-dd day of its date, for folder partitions.</summary>
    public Dictionary<string, string> ConversationDays { get; } = new(StringComparer.Ordinal);

    /// <summary>The folder partition of range-scoped rows, e.g. 2024-03-01_2024-04-01.</summary>
    public string? RangePartition { get; set; }

    /// <summary>The tables with rows or replacements, in schema order (parents before children, state last).</summary>
    public IEnumerable<TableRows> Tables =>
        ExportSchema.All.Where(_tables.ContainsKey).Select(t => _tables[t]);

    public int CountOf(TableSchema table) => _tables.TryGetValue(table, out var rows) ? rows.Rows.Count : 0;

    public TableRows For(TableSchema table)
    {
        if (!_tables.TryGetValue(table, out var rows))
        {
            rows = new TableRows(table);
            _tables.Add(table, rows);
        }

        return rows;
    }

    public void Add(TableSchema table, params object?[] row)
    {
        if (row.Length != table.Columns.Count)
        {
            throw new ArgumentException($"Table {table.Name} has {table.Columns.Count} columns; the row has {row.Length}.", nameof(row));
        }

        For(table).Rows.Add(row);
    }

    /// <summary>Marks a conversation's rows in a per-conversation table as replaced, even when it now has none.</summary>
    public void Replace(TableSchema table, string conversationId) => For(table).ReplacedConversations.Add(conversationId);
}

internal static class TableRowsExtensions
{
    /// <summary>The rows with one row per key (the last wins), so an upsert never touches a key twice in one statement.</summary>
    public static IReadOnlyList<object?[]> DistinctByKey(this TableRows rows)
    {
        if (rows.Rows.Count < 2)
        {
            return rows.Rows;
        }

        var byKey = new Dictionary<string, int>(StringComparer.Ordinal);
        var result = new List<object?[]>(rows.Rows.Count);
        foreach (var row in rows.Rows)
        {
            var key = string.Join('\u001f', rows.Table.KeyIndexes.Select(i => ValueConvert.ToText(row[i])));
            if (byKey.TryGetValue(key, out var index))
            {
                result[index] = row;
            }
            else
            {
                byKey.Add(key, result.Count);
                result.Add(row);
            }
        }

        return result;
    }
}
