using System.Diagnostics;
using System.Text;

namespace RillaGen.Cli.Tests;

/// <summary>Runs the built rillagen CLI as a child process, the way a user does.</summary>
internal sealed class CliProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _stdout = new();
    private readonly StringBuilder _stderr = new();
    private readonly List<(Func<string, bool> Predicate, TaskCompletionSource Seen)> _watches = [];

    private CliProcess(Process process)
    {
        _process = process;
    }

    public static string CliPath => Path.Combine(AppContext.BaseDirectory, "RillaGen.Cli.dll");

    public string StandardOutput
    {
        get
        {
            lock (_stdout)
            {
                return _stdout.ToString();
            }
        }
    }

    public string StandardError
    {
        get
        {
            lock (_stderr)
            {
                return _stderr.ToString();
            }
        }
    }

    public int ExitCode => _process.ExitCode;

    public static CliProcess Start(IEnumerable<string> args, IReadOnlyDictionary<string, string?>? environment = null, string? workingDirectory = null)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? AppContext.BaseDirectory,
        };
        info.ArgumentList.Add(CliPath);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        // A clean environment for the key: each test says what it wants.
        info.Environment.Remove("RILLA_API_KEY");
        info.Environment.Remove("RILLA_BASE_URL");
        info.Environment["XDG_CONFIG_HOME"] = Path.Combine(Path.GetTempPath(), "rillagen-tests-no-config");
        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
        {
            info.Environment[name] = value;
        }

        var process = new Process { StartInfo = info };
        var cli = new CliProcess(process);
        process.OutputDataReceived += (_, e) => Append(cli._stdout, e.Data);
        process.ErrorDataReceived += (_, e) =>
        {
            Append(cli._stderr, e.Data);
            cli.Notify(e.Data);
        };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return cli;
    }

    public static async Task<CliProcess> RunAsync(IEnumerable<string> args, IReadOnlyDictionary<string, string?>? environment = null, string? workingDirectory = null)
    {
        var cli = Start(args, environment, workingDirectory);
        await cli.WaitAsync(TimeSpan.FromMinutes(5));
        return cli;
    }

    public async Task WaitAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
            throw new TimeoutException($"rillagen did not finish within {timeout}. stderr:\n{StandardError}");
        }

        // Drain the redirected streams.
        _process.WaitForExit();
    }

    /// <summary>Completes when standard error shows a matching line (or fails when the process ends first).</summary>
    public async Task WaitForErrorLineAsync(Func<string, bool> predicate, TimeSpan timeout)
    {
        var seen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_watches)
        {
            if (StandardError.Split('\n').Any(predicate))
            {
                return;
            }

            _watches.Add((predicate, seen));
        }

        var exited = _process.WaitForExitAsync();
        var first = await Task.WhenAny(seen.Task, exited, Task.Delay(timeout));
        if (first != seen.Task)
        {
            throw new TimeoutException($"rillagen never printed the awaited line. {this}");
        }
    }

    /// <summary>Ctrl+C: SIGINT to the process.</summary>
    public void Interrupt()
    {
        using var kill = Process.Start("kill", ["-INT", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
    }

    /// <summary>kill -9: no chance to clean up, as when a machine dies.</summary>
    public void KillHard() => _process.Kill(entireProcessTree: true);

    public void Dispose() => _process.Dispose();

    public override string ToString() => $"exit {ExitCode}\nstdout:\n{StandardOutput}\nstderr:\n{StandardError}";

    private void Notify(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_watches)
        {
            foreach (var watch in _watches.Where(w => w.Predicate(line)).ToArray())
            {
                watch.Seen.TrySetResult();
                _watches.Remove(watch);
            }
        }
    }

    private static void Append(StringBuilder target, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (target)
        {
            target.AppendLine(line);
        }
    }
}
