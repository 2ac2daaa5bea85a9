using System;
using System.Diagnostics;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace RillaGen.Analyzers.Tests.Infrastructure
{
    /// <summary>Runs the build's NSwag, with the build's nswag.json and templates, on a spec.</summary>
    internal static class ClientGenerator
    {
        private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(5);

        /// <summary>Generates the client from <paramref name="specPath"/> and returns its source.</summary>
        public static async Task<string> GenerateAsync(string specPath, string outputFolder)
        {
            if (!File.Exists(Repository.NSwagDll))
            {
                throw new FileNotFoundException("NSwag's dotnet-nswag.dll, which the test project takes from NSwag.MSBuild's NSwagDir_Net100, is missing.", Repository.NSwagDll);
            }

            var output = Path.Combine(outputFolder, "RillaExportClient.g.cs");
            var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
                WorkingDirectory = Repository.BuildFolder,
            };
            start.ArgumentList.Add(Repository.NSwagDll);
            start.ArgumentList.Add("run");
            start.ArgumentList.Add(Path.Combine(Repository.BuildFolder, "nswag.json"));
            start.ArgumentList.Add($"/variables:Spec={specPath},Output={output}");

            using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start NSwag.");
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            using (var cancel = new CancellationTokenSource(Timeout))
            {
                await process.WaitForExitAsync(cancel.Token);
            }

            if (process.ExitCode != 0 || !File.Exists(output))
            {
                throw new InvalidOperationException($"NSwag failed with exit code {process.ExitCode}:{Environment.NewLine}{await stdout}{Environment.NewLine}{await stderr}");
            }

            return await File.ReadAllTextAsync(output);
        }
    }
}
