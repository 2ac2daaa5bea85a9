using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using RillaGen.Analyzers.Tests.Infrastructure;
using Xunit;

namespace RillaGen.Analyzers.Tests
{
    public class ApiKeyLiteralAnalyzerTests
    {
        // The client runtime's shape: RillaClientOptions.ApiKey and a factory that takes a key, both
        // marked with RillaGen's [ApiKey]; and a look-alike ApiKey property without the mark.
        private const string ClientRuntime = """
            namespace RillaGen
            {
                public sealed class RillaClientOptions
                {
                    [RillaGen.Metadata.ApiKey]
                    public string? ApiKey { get; set; }
                }

                public static class RillaClient
                {
                    public static RillaClientOptions Create([RillaGen.Metadata.ApiKey] string apiKey, string baseUrl) => new RillaClientOptions { ApiKey = apiKey };
                }

                public sealed class Unmarked
                {
                    public string? ApiKey { get; set; }
                }
            }
            """;

        private static readonly Task<MetadataReference> RillaGenWithClient = RillaReferences.CompileRillaGenAsync(
            RillaReferences.MetadataAttributeSources().Append(("RillaClientOptions.cs", ClientRuntime)));

        private static string InMethod(string body) => $$"""
            using System;
            using RillaGen;

            class Startup
            {
                const string Key = "rk_live_0123456789";

                void Run(RillaClientOptions options, string fromConfig)
                {
                    {{body}}
                }
            }
            """;

        [Theory]
        [InlineData("options.ApiKey = {|#0:\"rk_live_0123456789\"|};", "RillaClientOptions.ApiKey")]
        [InlineData("var o = new RillaClientOptions { ApiKey = {|#0:\"rk_live_0123456789\"|} };", "RillaClientOptions.ApiKey")]
        [InlineData("options.ApiKey = {|#0:Key|};", "RillaClientOptions.ApiKey")]
        [InlineData("var local = \"rk_live_0123456789\"; options.ApiKey = {|#0:local|};", "RillaClientOptions.ApiKey")]
        [InlineData("RillaClient.Create({|#0:\"rk_live_0123456789\"|}, \"https://example.invalid\");", "RillaClient.Create(apiKey)")]
        public async Task A_hard_coded_key_is_flagged(string body, string member)
        {
            await Verify.AnalyzerAsync<ApiKeyLiteralAnalyzer>(
                InMethod(body),
                await RillaGenWithClient,
                Verify.Message(Descriptors.Rilla004HardCodedApiKey).WithLocation(0).WithArguments(member));
        }

        [Theory]
        [InlineData("options.ApiKey = {|#0:\"Bearer \" + fromConfig|};", "Bearer ")]
        [InlineData("options.ApiKey = {|#0:$\"Token {fromConfig}\"|};", "Token ")]
        [InlineData("RillaClient.Create({|#0:\"basic \" + fromConfig|}, \"https://example.invalid\");", "basic ")]
        public async Task A_key_with_an_auth_scheme_is_flagged(string body, string scheme)
        {
            await Verify.AnalyzerAsync<ApiKeyLiteralAnalyzer>(
                InMethod(body),
                await RillaGenWithClient,
                Verify.Message(Descriptors.Rilla005ApiKeyWithScheme).WithLocation(0).WithArguments(body.Contains("Create", System.StringComparison.Ordinal) ? "RillaClient.Create(apiKey)" : "RillaClientOptions.ApiKey", scheme));
        }

        [Fact]
        public async Task A_hard_coded_key_with_a_scheme_gets_both_rules()
        {
            await Verify.AnalyzerAsync<ApiKeyLiteralAnalyzer>(
                InMethod("options.ApiKey = {|#0:\"Bearer rk_live_0123456789\"|};"),
                await RillaGenWithClient,
                Verify.Diagnostic(Descriptors.Rilla004HardCodedApiKey).WithLocation(0),
                Verify.Diagnostic(Descriptors.Rilla005ApiKeyWithScheme).WithLocation(0));
        }

        [Theory]
        [InlineData("options.ApiKey = fromConfig;")]
        [InlineData("options.ApiKey = Environment.GetEnvironmentVariable(\"RILLA_API_KEY\");")]
        [InlineData("options.ApiKey = null; options.ApiKey = \"\";")]
        [InlineData("var local = \"rk_live_0123456789\"; local = fromConfig; options.ApiKey = local;")]
        [InlineData("RillaClient.Create(fromConfig, \"https://example.invalid\");")]
        [InlineData("var u = new Unmarked { ApiKey = \"rk_live_0123456789\" };")]
        [InlineData("var b = new BearerTokenHolder { ApiKey = \"Bearer abc\" };")]
        public async Task Keys_from_configuration_and_unmarked_look_alikes_are_not_flagged(string body)
        {
            await Verify.AnalyzerAsync<ApiKeyLiteralAnalyzer>(
                InMethod(body) + "class BearerTokenHolder { public string? ApiKey { get; set; } }",
                await RillaGenWithClient);
        }

        [SkippableFact]
        public async Task The_built_client_marks_RillaClientOptions_ApiKey()
        {
            // The client runtime adds RillaClientOptions; once it exists, its ApiKey must carry [ApiKey].
            Skip.If(typeof(RillaExportClient).Assembly.GetType("RillaGen.RillaClientOptions") is null, "RillaGen.RillaClientOptions is not in this build of RillaGen yet.");

            await Verify.AnalyzerAsync<ApiKeyLiteralAnalyzer>(
                InMethod("options.ApiKey = {|#0:\"rk_live_0123456789\"|};"),
                Verify.Diagnostic(Descriptors.Rilla004HardCodedApiKey).WithLocation(0));
        }
    }
}
