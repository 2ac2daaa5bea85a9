using Microsoft.Data.Sqlite;
using Npgsql;
using RillaGen.Cli.Storage;

namespace RillaGen.Cli.Benchmarks;

/// <summary>
/// The baseline: every row in its own transaction (autocommit), a new unprepared command each time,
/// default durability settings. What a first script that "just inserts rows" does.
/// </summary>
internal static class NaiveLoader
{
    public static void CreateSqliteSchema(SqliteConnection connection)
    {
        foreach (var table in ExportSchema.All)
        {
            using var command = connection.CreateCommand();
            command.CommandText = SqlDialect.CreateTable(table, t => t switch
            {
                ColumnType.Integer or ColumnType.Boolean => "INTEGER",
                ColumnType.Real => "REAL",
                ColumnType.Decimal => "NUMERIC",
                _ => "TEXT",
            });
            command.ExecuteNonQuery();
        }
    }

    public static void WriteSqlite(SqliteConnection connection, WriteBatch batch)
    {
        foreach (var rows in batch.Tables)
        {
            foreach (var row in rows.Rows)
            {
                using var command = connection.CreateCommand();
                command.CommandText = SqlDialect.Upsert(rows.Table, i => "$p" + i.ToString(System.Globalization.CultureInfo.InvariantCulture));
                for (var i = 0; i < row.Length; i++)
                {
                    command.Parameters.AddWithValue("$p" + i.ToString(System.Globalization.CultureInfo.InvariantCulture), row[i] switch
                    {
                        null => DBNull.Value,
                        DateTimeOffset d => ValueConvert.FormatTimestamp(d),
                        bool b => b ? 1L : 0L,
                        var v => v,
                    });
                }

                command.ExecuteNonQuery();
            }
        }
    }

    public static void WritePostgres(NpgsqlConnection connection, WriteBatch batch)
    {
        foreach (var rows in batch.Tables)
        {
            foreach (var row in rows.Rows)
            {
                using var command = new NpgsqlCommand(SqlDialect.Upsert(rows.Table, i => "@p" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)), connection);
                for (var i = 0; i < row.Length; i++)
                {
                    var type = rows.Table.Columns[i].Type;
                    command.Parameters.Add(new NpgsqlParameter("p" + i.ToString(System.Globalization.CultureInfo.InvariantCulture), type switch
                    {
                        ColumnType.Json => NpgsqlTypes.NpgsqlDbType.Jsonb,
                        ColumnType.Timestamp => NpgsqlTypes.NpgsqlDbType.TimestampTz,
                        ColumnType.Integer => NpgsqlTypes.NpgsqlDbType.Bigint,
                        ColumnType.Real => NpgsqlTypes.NpgsqlDbType.Double,
                        ColumnType.Decimal => NpgsqlTypes.NpgsqlDbType.Numeric,
                        ColumnType.Boolean => NpgsqlTypes.NpgsqlDbType.Boolean,
                        _ => NpgsqlTypes.NpgsqlDbType.Text,
                    })
                    { Value = row[i] switch { null => DBNull.Value, DateTimeOffset d => d.ToUniversalTime(), var v => v } });
                }

                command.ExecuteNonQuery();
            }
        }
    }
}
