namespace RillaGen.Cli.Storage;

/// <summary>Where an export lands: SQLite, PostgreSQL, or a JSONL/CSV folder. Same tables, same upsert semantics.</summary>
internal interface IExportSink : IAsyncDisposable
{
    /// <summary>A description for logs, without secrets (no password).</summary>
    string Description { get; }

    /// <summary>The folder media goes into by default.</summary>
    string DefaultMediaDirectory { get; }

    /// <summary>Opens the destination and creates the tables when missing.</summary>
    Task OpenAsync(CancellationToken cancellationToken);

    /// <summary>Writes one batch atomically: all of it or none of it.</summary>
    Task WriteAsync(WriteBatch batch, CancellationToken cancellationToken);

    /// <summary>The state row of a stream, or null when the stream never ran here.</summary>
    Task<StreamState?> ReadStateAsync(string stream, CancellationToken cancellationToken);
}
