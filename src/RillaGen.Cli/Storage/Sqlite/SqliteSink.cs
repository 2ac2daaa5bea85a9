using System.Globalization;
using Microsoft.Data.Sqlite;

namespace RillaGen.Cli.Storage.Sqlite;

/// <summary>
/// The default sink: one SQLite file in WAL mode. Each batch is one transaction; the insert, upsert and
/// delete commands are prepared once and reused with new parameter values.
/// </summary>
internal sealed class SqliteSink(string path) : IExportSink
{
    private readonly Dictionary<TableSchema, SqliteCommand> _upserts = [];
    private readonly Dictionary<TableSchema, SqliteCommand> _deletes = [];
    private SqliteConnection? _connection;

    public string Description => $"SQLite {path}";

    public string DefaultMediaDirectory =>
        Path.Combine(Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".", Path.GetFileNameWithoutExtension(path) + "-media");

    public async Task OpenAsync(CancellationToken cancellationToken)
    {
        var builder = new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadWriteCreate, Pooling = false };
        _connection = new SqliteConnection(builder.ToString());
        await _connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        await ExecuteAsync("PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=30000;", cancellationToken).ConfigureAwait(false);
        foreach (var table in ExportSchema.All)
        {
            await ExecuteAsync(SqlDialect.CreateTable(table, SqlType), cancellationToken).ConfigureAwait(false);
        }
    }

    public async Task WriteAsync(WriteBatch batch, CancellationToken cancellationToken)
    {
        var connection = _connection ?? throw new InvalidOperationException("The sink is not open.");
        using var transaction = connection.BeginTransaction();
        foreach (var rows in batch.Tables)
        {
            if (rows.Table.Scope == TableScope.ReplacePerConversation && rows.ReplacedConversations.Count > 0)
            {
                var delete = Prepare(_deletes, rows.Table, transaction, SqlDialect.DeleteByConversation(rows.Table, "$p0"));
                foreach (var id in rows.ReplacedConversations)
                {
                    delete.Parameters[0].Value = id;
                    await delete.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                }
            }

            if (rows.Rows.Count == 0)
            {
                continue;
            }

            var upsert = Prepare(_upserts, rows.Table, transaction, SqlDialect.Upsert(rows.Table, i => "$p" + i.ToString(CultureInfo.InvariantCulture)));
            foreach (var row in rows.DistinctByKey())
            {
                for (var i = 0; i < row.Length; i++)
                {
                    upsert.Parameters[i].Value = ToSqlite(row[i]);
                }

                await upsert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<StreamState?> ReadStateAsync(string stream, CancellationToken cancellationToken)
    {
        var connection = _connection ?? throw new InvalidOperationException("The sink is not open.");
        using var command = connection.CreateCommand();
        command.CommandText = SqlDialect.SelectByKey(ExportSchema.ExportState, _ => "$stream");
        command.Parameters.AddWithValue("$stream", stream);
        using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            return null;
        }

        var values = new object?[reader.FieldCount];
        reader.GetValues(values!);
        return StreamState.FromRow(values);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var command in _upserts.Values.Concat(_deletes.Values))
        {
            await command.DisposeAsync().ConfigureAwait(false);
        }

        if (_connection is not null)
        {
            await _connection.DisposeAsync().ConfigureAwait(false);
        }
    }

    internal static string SqlType(ColumnType type) => type switch
    {
        ColumnType.Integer or ColumnType.Boolean => "INTEGER",
        ColumnType.Real => "REAL",
        ColumnType.Decimal => "NUMERIC",
        _ => "TEXT",
    };

    private static object ToSqlite(object? value) => value switch
    {
        null => DBNull.Value,
        DateTimeOffset d => ValueConvert.FormatTimestamp(d),
        bool b => b ? 1L : 0L,
        _ => value,
    };

    private SqliteCommand Prepare(Dictionary<TableSchema, SqliteCommand> cache, TableSchema table, SqliteTransaction transaction, string sql)
    {
        if (!cache.TryGetValue(table, out var command))
        {
            command = _connection!.CreateCommand();
            command.CommandText = sql;
            var count = cache == _deletes ? 1 : table.Columns.Count;
            for (var i = 0; i < count; i++)
            {
                command.Parameters.Add(new SqliteParameter("$p" + i.ToString(CultureInfo.InvariantCulture), null));
            }

            cache.Add(table, command);
        }

        command.Transaction = transaction;
        return command;
    }

    private async Task ExecuteAsync(string sql, CancellationToken cancellationToken)
    {
        using var command = _connection!.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
