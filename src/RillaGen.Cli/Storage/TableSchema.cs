namespace RillaGen.Cli.Storage;

/// <summary>The storage type of a column; each sink maps it to its own SQL or text type.</summary>
internal enum ColumnType
{
    Text,
    Integer,
    Real,
    Decimal,
    Boolean,
    Timestamp,
    Json,
}

/// <summary>How rows of a table are written again on a rerun.</summary>
internal enum TableScope
{
    /// <summary>Inserted or updated by key.</summary>
    Upsert,

    /// <summary>Rows owned by a conversation: a conversation's rows are deleted and written again together.</summary>
    ReplacePerConversation,
}

/// <summary>Which file of a folder sink a row lands in.</summary>
internal enum TablePartition
{
    /// <summary>By the day of the owning conversation's date: conversations/2024-03-05.jsonl.</summary>
    ConversationDay,

    /// <summary>By the export range: teams/2024-03-01_2024-04-01.jsonl.</summary>
    Range,

    /// <summary>One file for the table.</summary>
    Single,
}

internal sealed record Column(string Name, ColumnType Type, bool Nullable = true);

/// <summary>A table every sink writes: its columns in order and the columns of its key.</summary>
internal sealed class TableSchema
{
    public TableSchema(string name, TableScope scope, TablePartition partition, IReadOnlyList<string> key, IReadOnlyList<Column> columns)
    {
        Name = name;
        Scope = scope;
        Partition = partition;
        Key = key;
        Columns = columns;
        KeyIndexes = key.Select(k => IndexOf(k)).ToArray();
    }

    public string Name { get; }

    public TableScope Scope { get; }

    public TablePartition Partition { get; }

    public IReadOnlyList<string> Key { get; }

    public IReadOnlyList<Column> Columns { get; }

    public IReadOnlyList<int> KeyIndexes { get; }

    public int IndexOf(string column)
    {
        for (var i = 0; i < Columns.Count; i++)
        {
            if (Columns[i].Name == column)
            {
                return i;
            }
        }

        throw new ArgumentException($"Table {Name} has no column {column}.", nameof(column));
    }

    public override string ToString() => Name;
}
