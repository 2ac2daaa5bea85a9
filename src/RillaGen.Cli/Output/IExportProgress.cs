namespace RillaGen.Cli.Output;

/// <summary>Progress of a run: a live Spectre.Console display on a terminal, plain log lines otherwise.</summary>
internal interface IExportProgress
{
    void StreamStarted(string stream, long? expectedRows);

    void PageCommitted(string stream, long rowsSoFar, long pagesSoFar, long mediaBytesSoFar);

    void StreamFinished(string stream, long rows);

    void Info(string message);

    void Warn(string message);
}
