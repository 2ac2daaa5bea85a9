using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Xunit;

namespace RillaGen.Client.Tests.Unit;

/// <summary>AddRillaExportClient: binding, validation at start, and the factory clients.</summary>
public sealed class DependencyInjectionTests
{
    [Fact]
    public void OptionsBindFromAConfigurationSection()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Rilla:ApiKey"] = "demo-key",
            ["Rilla:BaseAddress"] = "http://127.0.0.1:5080",
            ["Rilla:MaxConcurrency"] = "12",
            ["Rilla:MaxRetries"] = "2",
            ["Rilla:AttemptTimeout"] = "00:00:05",
        }).Build();
        var services = new ServiceCollection().AddLogging();
        services.AddRillaExportClient(configuration.GetSection("Rilla"));
        using var provider = services.BuildServiceProvider();

        var client = Assert.IsType<RillaExportClient>(provider.GetRequiredService<IRillaExportClient>());
        var options = client.Options!;
        Assert.Equal("http://127.0.0.1:5080/", client.BaseUrl);
        Assert.Equal(12, options.MaxConcurrency);
        Assert.Equal(2, options.MaxRetries);
        Assert.Equal(TimeSpan.FromSeconds(5), options.AttemptTimeout);
        Assert.Same(TimeProvider.System, options.TimeProvider);
    }

    [Fact]
    public void OptionsComeFromAnAction()
    {
        var services = new ServiceCollection();
        services.AddRillaExportClient(o =>
        {
            o.ApiKey = "demo-key";
            o.MaxConcurrency = 3;
        });
        using var provider = services.BuildServiceProvider();

        var client = provider.GetRequiredService<RillaExportClient>();
        Assert.Equal(3, client.Options!.MaxConcurrency);
        Assert.Equal("https://customer.rillavoice.com/", client.BaseUrl);
    }

    [Fact]
    public async Task InvalidOptionsFailTheHostAtStart()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddRillaExportClient(o => o.ApiKey = "Bearer demo-key");
        using var host = builder.Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("ApiKey", error.Message, StringComparison.Ordinal);
        Assert.Contains("prefix", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("demo-key", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AMissingKeyAndAnInsecureAddressAreBothReported()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddRillaExportClient(o => o.BaseAddress = new Uri("http://customer.rillavoice.com"));
        using var host = builder.Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("ApiKey is required", error.Message, StringComparison.Ordinal);
        Assert.Contains("BaseAddress must use https", error.Message, StringComparison.Ordinal);
    }
}
