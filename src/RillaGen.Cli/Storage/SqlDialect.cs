using System.Text;

namespace RillaGen.Cli.Storage;

/// <summary>The SQL both database sinks share: SQLite and PostgreSQL agree on these statements.</summary>
internal static class SqlDialect
{
    public static string CreateTable(TableSchema table, Func<ColumnType, string> sqlType)
    {
        var sql = new StringBuilder();
        sql.Append("CREATE TABLE IF NOT EXISTS ").Append(table.Name).Append(" (");
        foreach (var column in table.Columns)
        {
            sql.Append(column.Name).Append(' ').Append(sqlType(column.Type));
            if (!column.Nullable)
            {
                sql.Append(" NOT NULL");
            }

            sql.Append(", ");
        }

        sql.Append("PRIMARY KEY (").Append(string.Join(", ", table.Key)).Append("))");
        return sql.ToString();
    }

    /// <summary>INSERT ... ON CONFLICT (key) DO UPDATE SET every other column = excluded.column.</summary>
    public static string Upsert(TableSchema table, Func<int, string> parameter, string? source = null)
    {
        var columns = string.Join(", ", table.Columns.Select(c => c.Name));
        var sql = new StringBuilder();
        sql.Append("INSERT INTO ").Append(table.Name).Append(" (").Append(columns).Append(") ");
        if (source is null)
        {
            sql.Append("VALUES (").Append(string.Join(", ", table.Columns.Select((_, i) => parameter(i)))).Append(')');
        }
        else
        {
            sql.Append("SELECT ").Append(columns).Append(" FROM ").Append(source);
        }

        sql.Append(" ON CONFLICT (").Append(string.Join(", ", table.Key)).Append(')');
        var updates = table.Columns.Where(c => !table.Key.Contains(c.Name)).Select(c => $"{c.Name} = excluded.{c.Name}").ToArray();
        sql.Append(updates.Length == 0 ? " DO NOTHING" : " DO UPDATE SET " + string.Join(", ", updates));
        return sql.ToString();
    }

    public static string DeleteByConversation(TableSchema table, string parameter) =>
        $"DELETE FROM {table.Name} WHERE {ExportSchema.ConversationIdColumn} = {parameter}";

    public static string SelectByKey(TableSchema table, Func<int, string> parameter) =>
        $"SELECT {string.Join(", ", table.Columns.Select(c => c.Name))} FROM {table.Name} WHERE "
        + string.Join(" AND ", table.Key.Select((k, i) => $"{k} = {parameter(i)}"));
}
