using System.Globalization;
using Npgsql;
using NpgsqlTypes;

namespace RillaGen.Cli.Storage.Postgres;

/// <summary>
/// PostgreSQL sink with the same tables and upsert semantics as SQLite. Each batch is one transaction:
/// rows stream in by binary COPY, into the table itself for per-conversation tables (after deleting the
/// conversations' old rows) and into a temp table for upserted tables, then INSERT ... ON CONFLICT.
/// </summary>
internal sealed class PostgresSink(string connectionString) : IExportSink
{
    private readonly HashSet<TableSchema> _tempTables = [];
    private NpgsqlConnection? _connection;

    public string Description
    {
        get
        {
            var builder = new NpgsqlConnectionStringBuilder(connectionString);
            return $"PostgreSQL {builder.Host}:{builder.Port.ToString(CultureInfo.InvariantCulture)}/{builder.Database}";
        }
    }

    public string DefaultMediaDirectory => Path.GetFullPath("rillagen-media");

    public async Task OpenAsync(CancellationToken cancellationToken)
    {
        _connection = new NpgsqlConnection(connectionString);
        await _connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        foreach (var table in ExportSchema.All)
        {
            await ExecuteAsync(SqlDialect.CreateTable(table, SqlType), null, cancellationToken).ConfigureAwait(false);
        }
    }

    public async Task WriteAsync(WriteBatch batch, CancellationToken cancellationToken)
    {
        try
        {
            await WriteInTransactionAsync(batch, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            // A rolled-back transaction also rolls back the temp tables it created.
            _tempTables.Clear();
            throw;
        }
    }

    private async Task WriteInTransactionAsync(WriteBatch batch, CancellationToken cancellationToken)
    {
        var connection = _connection ?? throw new InvalidOperationException("The sink is not open.");
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        foreach (var rows in batch.Tables)
        {
            var replaced = rows.Table.Scope == TableScope.ReplacePerConversation;
            if (replaced && rows.ReplacedConversations.Count > 0)
            {
                await using var delete = new NpgsqlCommand(SqlDialect.DeleteByConversation(rows.Table, "ANY(@ids)"), connection, transaction);
                delete.Parameters.Add(new NpgsqlParameter<string[]>("ids", rows.ReplacedConversations.ToArray()));
                await delete.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            if (rows.Rows.Count == 0)
            {
                continue;
            }

            if (replaced)
            {
                await CopyAsync(rows.Table.Name, rows.Table, rows.DistinctByKey(), cancellationToken).ConfigureAwait(false);
            }
            else
            {
                var temp = await EnsureTempTableAsync(rows.Table, transaction, cancellationToken).ConfigureAwait(false);
                await CopyAsync(temp, rows.Table, rows.DistinctByKey(), cancellationToken).ConfigureAwait(false);
                // The temp table empties itself at commit (ON COMMIT DELETE ROWS).
                await ExecuteAsync(SqlDialect.Upsert(rows.Table, _ => string.Empty, temp), transaction, cancellationToken).ConfigureAwait(false);
            }
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<StreamState?> ReadStateAsync(string stream, CancellationToken cancellationToken)
    {
        var connection = _connection ?? throw new InvalidOperationException("The sink is not open.");
        await using var command = new NpgsqlCommand(SqlDialect.SelectByKey(ExportSchema.ExportState, _ => "@stream"), connection);
        command.Parameters.AddWithValue("stream", stream);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
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
        if (_connection is not null)
        {
            await _connection.DisposeAsync().ConfigureAwait(false);
        }
    }

    internal static string SqlType(ColumnType type) => type switch
    {
        ColumnType.Integer => "bigint",
        ColumnType.Real => "double precision",
        ColumnType.Decimal => "numeric",
        ColumnType.Boolean => "boolean",
        ColumnType.Timestamp => "timestamptz",
        ColumnType.Json => "jsonb",
        _ => "text",
    };

    private static NpgsqlDbType DbType(ColumnType type) => type switch
    {
        ColumnType.Integer => NpgsqlDbType.Bigint,
        ColumnType.Real => NpgsqlDbType.Double,
        ColumnType.Decimal => NpgsqlDbType.Numeric,
        ColumnType.Boolean => NpgsqlDbType.Boolean,
        ColumnType.Timestamp => NpgsqlDbType.TimestampTz,
        ColumnType.Json => NpgsqlDbType.Jsonb,
        _ => NpgsqlDbType.Text,
    };

    private static object ToPostgres(object value, ColumnType type) => type switch
    {
        ColumnType.Integer => Convert.ToInt64(value, CultureInfo.InvariantCulture),
        ColumnType.Real => Convert.ToDouble(value, CultureInfo.InvariantCulture),
        ColumnType.Decimal => Convert.ToDecimal(value, CultureInfo.InvariantCulture),
        ColumnType.Timestamp => ((DateTimeOffset)value).ToUniversalTime(),
        _ => value,
    };

    private async Task CopyAsync(string target, TableSchema table, IReadOnlyList<object?[]> rows, CancellationToken cancellationToken)
    {
        var columns = string.Join(", ", table.Columns.Select(c => c.Name));
        await using var importer = await _connection!.BeginBinaryImportAsync($"COPY {target} ({columns}) FROM STDIN (FORMAT BINARY)", cancellationToken).ConfigureAwait(false);
        foreach (var row in rows)
        {
            await importer.StartRowAsync(cancellationToken).ConfigureAwait(false);
            for (var i = 0; i < row.Length; i++)
            {
                var column = table.Columns[i];
                if (row[i] is null)
                {
                    await importer.WriteNullAsync(cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    await importer.WriteAsync(ToPostgres(row[i]!, column.Type), DbType(column.Type), cancellationToken).ConfigureAwait(false);
                }
            }
        }

        await importer.CompleteAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task<string> EnsureTempTableAsync(TableSchema table, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        var name = "rillagen_load_" + table.Name;
        if (_tempTables.Add(table))
        {
            await ExecuteAsync($"CREATE TEMP TABLE IF NOT EXISTS {name} (LIKE {table.Name}) ON COMMIT DELETE ROWS", transaction, cancellationToken).ConfigureAwait(false);
        }

        return name;
    }

    private async Task ExecuteAsync(string sql, NpgsqlTransaction? transaction, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, _connection, transaction);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
