using System.Text.Json;

namespace RillaGen.Cli.Configuration;

/// <summary>
/// Where the API key and base URL come from: RILLA_API_KEY (and RILLA_BASE_URL), else a JSON config file
/// ({"apiKey": "...", "baseUrl": "..."}) at --config or ~/.config/rillagen/config.json. Never the command line,
/// where a key would land in shell history.
/// </summary>
internal sealed record CliConfig(string? ApiKey, Uri? BaseAddress)
{
    public const string ApiKeyVariable = "RILLA_API_KEY";
    public const string BaseUrlVariable = "RILLA_BASE_URL";

    private static readonly JsonSerializerOptions JsonOptions = new() { PropertyNameCaseInsensitive = true, ReadCommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    public static string DefaultPath
    {
        get
        {
            var root = Environment.GetEnvironmentVariable("XDG_CONFIG_HOME");
            if (string.IsNullOrEmpty(root))
            {
                root = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".config");
            }

            return Path.Combine(root, "rillagen", "config.json");
        }
    }

    /// <summary>Reads the environment and the config file (explicit path: must exist; default path: optional).</summary>
    public static CliConfig Load(string? explicitPath)
    {
        var path = explicitPath ?? DefaultPath;
        FileModel? file = null;
        if (File.Exists(path))
        {
            try
            {
                file = JsonSerializer.Deserialize<FileModel>(File.ReadAllText(path), JsonOptions);
            }
            catch (Exception ex) when (ex is JsonException or IOException or UnauthorizedAccessException)
            {
                throw CliException.Config($"config file {path}: cannot read it as JSON ({ex.GetType().Name}); expected {{\"apiKey\": \"...\"}}.");
            }
        }
        else if (explicitPath is not null)
        {
            throw CliException.Config($"--config: file {explicitPath} does not exist.");
        }

        var key = Environment.GetEnvironmentVariable(ApiKeyVariable);
        if (string.IsNullOrEmpty(key))
        {
            key = file?.ApiKey;
        }

        var baseUrl = Environment.GetEnvironmentVariable(BaseUrlVariable);
        if (string.IsNullOrEmpty(baseUrl))
        {
            baseUrl = file?.BaseUrl;
        }

        Uri? baseAddress = null;
        if (!string.IsNullOrEmpty(baseUrl) && !Uri.TryCreate(baseUrl, UriKind.Absolute, out baseAddress))
        {
            throw CliException.Config($"baseUrl '{baseUrl}' (from {BaseUrlVariable} or the config file) is not an absolute URL.");
        }

        return new CliConfig(key, baseAddress);
    }

    /// <summary>Checks the key's shape without ever echoing it.</summary>
    public static string RequireKey(string? key)
    {
        if (string.IsNullOrEmpty(key))
        {
            throw CliException.Config($"no API key: set {ApiKeyVariable}, or put {{\"apiKey\": \"...\"}} in {DefaultPath} (or a file given with --config). Try --sandbox to run without one.");
        }

        if (key.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) || key.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            throw CliException.Config("API key: send the raw key, without a 'Bearer '/'Basic ' prefix.");
        }

        if (key.Any(char.IsWhiteSpace))
        {
            throw CliException.Config("API key: it contains whitespace; copy the raw key without spaces or line breaks.");
        }

        return key;
    }

    private sealed class FileModel
    {
        public string? ApiKey { get; set; }

        public string? BaseUrl { get; set; }
    }
}
