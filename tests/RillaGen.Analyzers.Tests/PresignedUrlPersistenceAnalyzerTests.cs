using System.Threading.Tasks;
using RillaGen.Analyzers.Tests.Infrastructure;
using Xunit;

namespace RillaGen.Analyzers.Tests
{
    public class PresignedUrlPersistenceAnalyzerTests
    {
        // Framework types the test compilation does not reference, declared under their real names:
        // the analyzer knows sinks by their framework names.
        private const string FrameworkStubs = """
            namespace Microsoft.EntityFrameworkCore
            {
                public class DbContext { public void Add(object entity) { } public void Update(object entity) { } }
            }

            namespace Microsoft.Extensions.Caching.Distributed
            {
                public interface IDistributedCache { void Set(string key, byte[] value); }

                public static class DistributedCacheExtensions
                {
                    public static System.Threading.Tasks.Task SetStringAsync(this IDistributedCache cache, string key, string value) => System.Threading.Tasks.Task.CompletedTask;
                }
            }
            """;

        private static string InMethod(string body, string members = "") => $$"""
            using System;
            using System.Collections.Generic;
            using System.IO;
            using System.Net.Http;
            using System.Threading.Tasks;
            using Microsoft.Extensions.Caching.Distributed;
            using RillaGen;

            class Entity { public string? Url { get; set; } }
            record Row(string Url);
            class MyConversation { public string AudioUrl { get; set; } = ""; }

            class Sync
            {
                {{members}}

                async Task Run(ConversationsExport conversation, HttpClient http, MyConversation mine, System.Data.Common.DbCommand command,
                    Microsoft.EntityFrameworkCore.DbContext db, Microsoft.Extensions.Caching.Distributed.IDistributedCache cache)
                {
                    {{body}}
                    await Task.CompletedTask;
                }
            }

            {{FrameworkStubs}}
            """;

        [Theory]
        [InlineData("_url = {|#0:conversation.AudioUrl|};", "string? _url;", "stored in the field 'Sync._url'")]
        [InlineData("s_url = {|#0:conversation.TranscriptUrl|};", "static string? s_url;", "stored in the field 'Sync.s_url'")]
        [InlineData("var e = new Entity { Url = {|#0:conversation.AudioUrl|} };", "", "assigned to 'Entity.Url'")]
        [InlineData("var row = new Row({|#0:conversation.AudioUrl|});", "", "passed to the constructor of 'Row'")]
        [InlineData("_urls.Add({|#0:conversation.AudioUrl|});", "List<string> _urls = new();", "added to the collection held in 'Sync._urls'")]
        [InlineData("_byId[\"k\"] = {|#0:conversation.AudioUrl|};", "Dictionary<string, string> _byId = new();", "stored in the collection held in 'Sync._byId'")]
        [InlineData("File.WriteAllText(\"a.txt\", {|#0:conversation.AudioUrl|});", "", "written to a file by 'File.WriteAllText'")]
        [InlineData("await File.AppendAllTextAsync(\"a.txt\", {|#0:$\"audio={conversation.AudioUrl}\"|});", "", "written to a file by 'File.AppendAllTextAsync'")]
        [InlineData("using var w = new StreamWriter(\"a.txt\"); w.WriteLine({|#0:conversation.AudioUrl|});", "", "written by 'StreamWriter.WriteLine'")]
        [InlineData("var p = command.CreateParameter(); p.Value = {|#0:conversation.AudioUrl|};", "", "assigned to 'DbParameter.Value'")]
        [InlineData("command.CommandText = {|#0:\"INSERT INTO t VALUES ('\" + conversation.AudioUrl + \"')\"|};", "", "assigned to 'DbCommand.CommandText'")]
        [InlineData("command.Parameters.Add({|#0:conversation.AudioUrl|});", "", "given to a database parameter by 'DbParameterCollection.Add'")]
        [InlineData("db.Add({|#0:conversation.AudioUrl|});", "", "saved with EF Core's 'DbContext.Add'")]
        [InlineData("var json = Newtonsoft.Json.JsonConvert.SerializeObject({|#0:conversation.AudioUrl|});", "", "serialized to JSON by 'JsonConvert.SerializeObject'")]
        [InlineData("var json = System.Text.Json.JsonSerializer.Serialize({|#0:conversation.AudioUrl|});", "", "serialized to JSON by 'JsonSerializer.Serialize'")]
        [InlineData("await cache.SetStringAsync(\"k\", {|#0:conversation.AudioUrl|});", "", "stored in a distributed cache by 'DistributedCacheExtensions.SetStringAsync'")]
        [InlineData("var url = conversation.AudioUrl; var copy = url; _url = {|#0:copy|};", "string? _url;", "stored in the field 'Sync._url'")]
        [InlineData("var uri = new Uri(conversation.AudioUrl); _uri = {|#0:uri|};", "Uri? _uri;", "stored in the field 'Sync._uri'")]
        [InlineData("var url = conversation?.TranscriptUrl ?? \"\"; File.WriteAllText(\"t.txt\", {|#0:url.Trim()|});", "", "written to a file by 'File.WriteAllText'")]
        public async Task A_persisted_url_is_flagged_with_its_lifetime_and_the_fix(string body, string members, string what)
        {
            var member = body.Contains("TranscriptUrl", System.StringComparison.Ordinal) ? "ConversationsExport.TranscriptUrl" : "ConversationsExport.AudioUrl";
            await Verify.AnalyzerAsync<PresignedUrlPersistenceAnalyzer>(
                InMethod(body, members),
                Verify.Message(Descriptors.Rilla002PresignedUrlPersisted).WithLocation(0).WithArguments(member, "6 hours", what));
        }

        [Fact]
        public async Task The_message_says_when_the_url_expires_and_what_to_do()
        {
            await Verify.AnalyzerAsync<PresignedUrlPersistenceAnalyzer>(
                InMethod("_url = {|#0:conversation.AudioUrl|};", "string? _url;"),
                Verify.Diagnostic(Descriptors.Rilla002PresignedUrlPersisted).WithLocation(0).WithMessage(
                    "'ConversationsExport.AudioUrl' is a presigned URL that expires 6 hours after the response, but it is stored in the field 'Sync._url': " +
                    "download the file now, or fetch the conversation again by id when you need the URL"));
        }

        [Fact]
        public async Task Each_persisting_use_of_a_local_is_flagged_once()
        {
            const string body = """
                var url = conversation.AudioUrl;
                _url = {|#0:url|};
                File.WriteAllText("a.txt", {|#1:url|});
                File.WriteAllText("b.txt", {|#2:url + url|});
                """;

            await Verify.AnalyzerAsync<PresignedUrlPersistenceAnalyzer>(
                InMethod(body, "string? _url;"),
                Verify.Diagnostic(Descriptors.Rilla002PresignedUrlPersisted).WithLocation(0),
                Verify.Diagnostic(Descriptors.Rilla002PresignedUrlPersisted).WithLocation(1),
                Verify.Diagnostic(Descriptors.Rilla002PresignedUrlPersisted).WithLocation(2));
        }

        [Fact]
        public async Task A_url_persisted_through_a_local_points_back_at_the_read()
        {
            const string body = """
                var url = conversation.{|#1:AudioUrl|};
                _url = {|#0:url|};
                """;

            await Verify.AnalyzerAsync<PresignedUrlPersistenceAnalyzer>(
                InMethod(body, "string? _url;"),
                new Microsoft.CodeAnalysis.Testing.DiagnosticResult(Descriptors.Rilla002PresignedUrlPersisted.Id, Microsoft.CodeAnalysis.DiagnosticSeverity.Warning)
                    .WithLocation(0)
                    .WithLocation(1));
        }

        [Theory]
        [InlineData("var bytes = await http.GetByteArrayAsync(conversation.AudioUrl);")]
        [InlineData("var url = conversation.TranscriptUrl; using var stream = await http.GetStreamAsync(url);")]
        [InlineData("var url = conversation.AudioUrl; var copy = url; using var response = await http.GetAsync(new Uri(copy));")]
        [InlineData("using var request = new HttpRequestMessage(HttpMethod.Get, conversation.AudioUrl); using var response = await http.SendAsync(request);")]
        [InlineData("if (conversation.AudioUrl == \"x\") { }")]
        [InlineData("var same = string.Equals(conversation.AudioUrl, conversation.TranscriptUrl, StringComparison.Ordinal);")]
        [InlineData("var secure = conversation.AudioUrl.StartsWith(\"https\", StringComparison.Ordinal);")]
        [InlineData("Console.WriteLine(conversation.AudioUrl);")]
        [InlineData("var url = conversation.AudioUrl; Console.Out.WriteLine(url);")]
        [InlineData("var url = conversation.AudioUrl; var length = url.Length;")]
        [InlineData("conversation.AudioUrl = \"https://example.invalid/a\";")]
        [InlineData("var copy = new ConversationsExport { AudioUrl = conversation.AudioUrl };")]
        [InlineData("var list = new List<string>(); list.Add(conversation.AudioUrl);")]
        [InlineData("var anonymous = new { Url = conversation.AudioUrl };")]
        [InlineData("_url = mine.AudioUrl; File.WriteAllText(\"a.txt\", mine.AudioUrl);")]
        [InlineData("_url = conversation.Title; File.WriteAllText(\"a.txt\", conversation.RillaUrl);")]
        public async Task A_url_used_at_once_or_not_a_presigned_url_is_not_flagged(string body)
        {
            await Verify.AnalyzerAsync<PresignedUrlPersistenceAnalyzer>(InMethod(body, "string? _url;"));
        }

        [Theory]
        [InlineData(21600, "6 hours")]
        [InlineData(3600, "1 hour")]
        [InlineData(900, "15 minutes")]
        [InlineData(90, "90 seconds")]
        public void The_lifetime_is_told_in_the_largest_whole_unit(int seconds, string expected)
        {
            Assert.Equal(expected, PresignedUrlPersistenceAnalyzer.DescribeDuration(seconds));
        }
    }
}
