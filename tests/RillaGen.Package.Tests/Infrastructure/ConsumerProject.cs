namespace RillaGen.Package.Tests.Infrastructure;

/// <summary>A throwaway console project that uses RillaGen from the local feed, as a user would.</summary>
internal sealed class ConsumerProject
{
    private ConsumerProject(string directory, string targetFramework)
    {
        Directory = directory;
        TargetFramework = targetFramework;
    }

    public string Directory { get; }

    public string TargetFramework { get; }

    public string ProjectFile => Path.Combine(Directory, "Consumer.csproj");

    public string MistakesFile => Path.Combine(Directory, "ApiMistakes.cs");

    public string OutputAssembly => Path.Combine(Directory, "bin", "Debug", TargetFramework, "Consumer.dll");

    public static ConsumerProject Create(PackageFixture fixture, string targetFramework)
    {
        var project = new ConsumerProject(fixture.NewConsumerDirectory("consumer-" + targetFramework), targetFramework);
        File.WriteAllText(project.ProjectFile, $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>{targetFramework}</TargetFramework>
                <ImplicitUsings>enable</ImplicitUsings>
                <Nullable>enable</Nullable>
                <UseAppHost>false</UseAppHost>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="RillaGen" Version="{fixture.Version}" />
              </ItemGroup>
            </Project>
            """);
        File.Copy(Path.Combine(RepoPaths.Assets, "ConsumerProgram.cs"), Path.Combine(project.Directory, "Program.cs"));
        File.Copy(Path.Combine(RepoPaths.Assets, "ApiMistakes.cs"), project.MistakesFile);
        return project;
    }

    public Task<CommandResult> BuildAsync(params string[] extraArguments) =>
        DotnetCli.RunAsync(Directory, ["build", ProjectFile, "--no-incremental", "-nodeReuse:false", .. extraArguments]);

    public Task<CommandResult> FormatAsync(params string[] diagnostics) =>
        DotnetCli.RunAsync(Directory, ["format", "analyzers", ProjectFile, "--diagnostics", .. diagnostics]);

    public Task<CommandResult> RunAsync(Uri baseAddress) =>
        DotnetCli.RunAsync(Directory, [OutputAssembly], new Dictionary<string, string>
        {
            ["RILLA_BASE_URL"] = baseAddress.ToString(),
            ["RILLA_API_KEY"] = SandboxHost.ApiKey,
            // Only the newest runtime is installed here; a net8.0 app rolls forward onto it.
            ["DOTNET_ROLL_FORWARD"] = "Major",
        });
}
