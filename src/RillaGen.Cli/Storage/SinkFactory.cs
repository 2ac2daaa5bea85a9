using Npgsql;
using RillaGen.Cli.Storage.Folder;
using RillaGen.Cli.Storage.Postgres;
using RillaGen.Cli.Storage.Sqlite;

namespace RillaGen.Cli.Storage;

/// <summary>
/// Picks the sink from --out: a PostgreSQL connection string (Host=...; or postgres://...), a folder for
/// --format jsonl/csv, otherwise a SQLite file. Checks that the output can be written before anything is.
/// </summary>
internal static class SinkFactory
{
    public static IExportSink Create(string output, string format)
    {
        if (string.IsNullOrWhiteSpace(output))
        {
            throw CliException.BadInput("--out: give a SQLite file, a PostgreSQL connection string, or a folder (with --format jsonl or csv).");
        }

        if (IsPostgres(output))
        {
            return new PostgresSink(ToConnectionString(output));
        }

        switch (format)
        {
            case "jsonl":
                return new FolderSink(RequireWritableFolder(output), new JsonlFormat());
            case "csv":
                return new FolderSink(RequireWritableFolder(output), new CsvFormat());
            case "sqlite":
            case "auto":
                if (format == "auto" && (Directory.Exists(output) || output.EndsWith('/') || output.EndsWith(Path.DirectorySeparatorChar)))
                {
                    throw CliException.BadInput($"--out: {output} is a folder; give --format jsonl or --format csv to write files there, or a file name for SQLite.");
                }

                return new SqliteSink(RequireWritableFile(output));
            default:
                throw CliException.BadInput($"--format: '{format}' is not one of auto, sqlite, postgres, jsonl, csv.");
        }
    }

    public static bool IsPostgres(string output) =>
        output.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase)
        || output.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase)
        || output.Contains("Host=", StringComparison.OrdinalIgnoreCase);

    private static string ToConnectionString(string output)
    {
        if (!output.Contains("://", StringComparison.Ordinal))
        {
            try
            {
                return new NpgsqlConnectionStringBuilder(output).ConnectionString;
            }
            catch (ArgumentException ex)
            {
                throw CliException.BadInput($"--out: not a valid PostgreSQL connection string ({ex.Message}).");
            }
        }

        if (!Uri.TryCreate(output, UriKind.Absolute, out var uri) || string.IsNullOrEmpty(uri.Host))
        {
            throw CliException.BadInput("--out: not a valid postgres:// URL (postgres://user:password@host:port/database).");
        }

        var builder = new NpgsqlConnectionStringBuilder
        {
            Host = uri.Host,
            Port = uri.Port > 0 ? uri.Port : 5432,
            Database = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/')),
        };
        var userInfo = uri.UserInfo.Split(':', 2);
        if (userInfo[0].Length > 0)
        {
            builder.Username = Uri.UnescapeDataString(userInfo[0]);
        }

        if (userInfo.Length > 1)
        {
            builder.Password = Uri.UnescapeDataString(userInfo[1]);
        }

        return builder.ConnectionString;
    }

    private static string RequireWritableFile(string path)
    {
        var full = Path.GetFullPath(path);
        var directory = Path.GetDirectoryName(full)!;
        if (!Directory.Exists(directory))
        {
            throw CliException.BadInput($"--out: folder {directory} does not exist.");
        }

        if (File.Exists(full))
        {
            try
            {
                using var _ = new FileStream(full, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite);
            }
            catch (Exception ex) when (ex is UnauthorizedAccessException or IOException)
            {
                throw CliException.BadInput($"--out: cannot write {full} ({ex.Message}).");
            }
        }
        else
        {
            ProbeFolder(directory);
        }

        return full;
    }

    private static string RequireWritableFolder(string path)
    {
        var full = Path.GetFullPath(path);
        if (File.Exists(full))
        {
            throw CliException.BadInput($"--out: {full} is a file; jsonl and csv write into a folder.");
        }

        var existing = full;
        while (!Directory.Exists(existing))
        {
            existing = Path.GetDirectoryName(existing) ?? throw CliException.BadInput($"--out: cannot create {full}.");
        }

        ProbeFolder(existing);
        return full;
    }

    /// <summary>Creates and deletes a probe file: the only sure test that a folder is writable.</summary>
    private static void ProbeFolder(string directory)
    {
        var probe = Path.Combine(directory, ".rillagen-write-probe-" + Guid.NewGuid().ToString("N"));
        try
        {
            using (File.Create(probe))
            {
            }

            File.Delete(probe);
        }
        catch (Exception ex) when (ex is UnauthorizedAccessException or IOException)
        {
            throw CliException.BadInput($"--out: folder {directory} is not writable ({ex.Message}).");
        }
    }
}
