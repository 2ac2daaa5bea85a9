namespace RillaGen.Cli;

/// <summary>The process exit codes (docs/cli.md lists them).</summary>
internal static class ExitCodes
{
    /// <summary>Everything requested was exported.</summary>
    public const int Success = 0;

    /// <summary>An unexpected error; committed pages are kept and a rerun resumes.</summary>
    public const int Failure = 1;

    /// <summary>The export finished but some items failed (for example a media file); rerun to fill them in.</summary>
    public const int PartialFailure = 2;

    /// <summary>No API key, a rejected key, an unreadable config file.</summary>
    public const int AuthOrConfig = 3;

    /// <summary>Bad command-line input: dates, stream, options, an output that cannot be written.</summary>
    public const int BadInput = 4;

    /// <summary>Stopped by Ctrl+C (or SIGTERM); committed pages are kept and a rerun resumes.</summary>
    public const int Cancelled = 130;
}

/// <summary>An error the user can fix, reported as one line with its exit code.</summary>
internal sealed class CliException(int exitCode, string message) : Exception(message)
{
    public int ExitCode { get; } = exitCode;

    public static CliException BadInput(string message) => new(ExitCodes.BadInput, message);

    public static CliException Config(string message) => new(ExitCodes.AuthOrConfig, message);
}
