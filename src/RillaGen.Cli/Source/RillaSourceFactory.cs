namespace RillaGen.Cli.Source;

/// <summary>The one place that picks the API client the CLI runs on.</summary>
internal static class RillaSourceFactory
{
    public static IRillaSource Create(Uri baseAddress, string apiKey, int concurrency)
    {
        _ = concurrency; // the raw client pages sequentially; the client runtime takes it as MaxConcurrency
        return new RawClientSource(baseAddress, apiKey);
    }
}
