using Npgsql;

namespace RillaGen.Cli.Tests;

/// <summary>
/// A fresh database per test on the server named by RILLAGEN_TEST_POSTGRES (.ci/start-postgres.sh prints it).
/// Without that variable the PostgreSQL tests are skipped, saying why.
/// </summary>
internal static class PostgresDatabase
{
    public const string Variable = "RILLAGEN_TEST_POSTGRES";

    public static string? ServerConnectionString => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value ? value : null;

    /// <summary>Creates an empty database and returns its connection string, or skips the test.</summary>
    public static string CreateOrSkip()
    {
        var server = ServerConnectionString;
        Skip.If(server is null, $"PostgreSQL tests need a server: set {Variable} (eval \"$(bash .ci/start-postgres.sh)\").");
        var name = "rillagen_t_" + Guid.NewGuid().ToString("N")[..16];
        using (var connection = new NpgsqlConnection(server))
        {
            connection.Open();
            using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            command.ExecuteNonQuery();
        }

        return new NpgsqlConnectionStringBuilder(server) { Database = name, Pooling = false }.ConnectionString;
    }
}
