namespace RillaGen.Cli.Source;

/// <summary>The one place that picks the API client the CLI runs on: the client runtime's RillaExportClient.</summary>
internal static class RillaSourceFactory
{
    public static IRillaSource Create(Uri baseAddress, string apiKey, int concurrency)
    {
        try
        {
            return new ClientSource(new RillaExportClient(new RillaClientOptions
            {
                ApiKey = apiKey,
                BaseAddress = baseAddress,
                MaxConcurrency = concurrency,
            }));
        }
        catch (ArgumentException ex)
        {
            // The client validates its options before any request; its messages name the option, never the key.
            throw CliException.Config(ex.Message);
        }
    }
}
