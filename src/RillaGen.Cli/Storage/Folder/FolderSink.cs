namespace RillaGen.Cli.Storage.Folder;

/// <summary>
/// A folder of JSONL or CSV files: table/partition.ext (conversation tables by day, snapshots by range) and
/// table.ext for bookkeeping. Each write merges by key into the partition file through a temp file and an
/// atomic rename, so a rerun or a resumed run never duplicates a row and a killed run never leaves half a file.
/// The state file is written last, so a crash can only make the next run redo work, never skip it.
/// </summary>
internal sealed class FolderSink(string directory, IFolderFormat format) : IExportSink
{
    public string Description => $"{format.Extension.ToUpperInvariant()} folder {directory}";

    public string DefaultMediaDirectory => Path.Combine(Path.GetFullPath(directory), "media");

    public Task OpenAsync(CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(directory);
        return Task.CompletedTask;
    }

    public Task WriteAsync(WriteBatch batch, CancellationToken cancellationToken)
    {
        foreach (var rows in batch.Tables)
        {
            cancellationToken.ThrowIfCancellationRequested();
            WriteTable(batch, rows);
        }

        return Task.CompletedTask;
    }

    public Task<StreamState?> ReadStateAsync(string stream, CancellationToken cancellationToken)
    {
        var table = ExportSchema.ExportState;
        var path = PathOf(table, partition: null);
        var state = File.Exists(path)
            ? format.Read(path, table).Where(r => r[0] == stream).Select(r => StreamState.FromRow(r)).LastOrDefault()
            : null;
        return Task.FromResult(state);
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private void WriteTable(WriteBatch batch, TableRows rows)
    {
        var table = rows.Table;
        var conversationColumn = table.Partition == TablePartition.ConversationDay ? table.IndexOf(ExportSchema.ConversationIdColumn) : -1;
        string? PartitionOf(string? conversationId) => table.Partition switch
        {
            TablePartition.ConversationDay => batch.ConversationDays[conversationId!],
            TablePartition.Range => batch.RangePartition ?? throw new InvalidOperationException("A range table needs the batch's range."),
            _ => null,
        };

        var newRows = rows.DistinctByKey()
            .Select(r => r.Select(ValueConvert.ToText).ToArray())
            .GroupBy(r => PartitionOf(conversationColumn >= 0 ? r[conversationColumn] : null) ?? string.Empty)
            .ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);

        var replaced = table.Scope == TableScope.ReplacePerConversation ? rows.ReplacedConversations : [];
        foreach (var partition in replaced.Select(id => PartitionOf(id)!).Distinct(StringComparer.Ordinal).Where(p => !newRows.ContainsKey(p)).ToArray())
        {
            newRows.Add(partition, []);
        }

        foreach (var (partition, partitionRows) in newRows)
        {
            var path = PathOf(table, partition.Length == 0 ? null : partition);
            var newKeys = partitionRows.Select(r => KeyOf(table, r)).ToHashSet(StringComparer.Ordinal);
            var kept = File.Exists(path)
                ? format.Read(path, table)
                    .Where(r => !newKeys.Contains(KeyOf(table, r)))
                    .Where(r => conversationColumn < 0 || !replaced.Contains(r[conversationColumn]!))
                    .ToList()
                : [];
            ReplaceFile(path, table, kept.Concat(partitionRows));
        }
    }

    private void ReplaceFile(string path, TableSchema table, IEnumerable<string?[]> rows)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temp = path + ".tmp-" + Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        using (var stream = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            format.Write(stream, table, rows);
            stream.Flush(flushToDisk: true);
        }

        File.Move(temp, path, overwrite: true);
    }

    private string PathOf(TableSchema table, string? partition) => partition is null
        ? Path.Combine(directory, $"{table.Name}.{format.Extension}")
        : Path.Combine(directory, table.Name, $"{partition}.{format.Extension}");

    private static string KeyOf(TableSchema table, string?[] cells) =>
        string.Join('\u001f', table.KeyIndexes.Select(i => cells[i]));
}
