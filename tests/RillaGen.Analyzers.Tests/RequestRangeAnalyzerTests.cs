using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using RillaGen.Analyzers.CodeFixes;
using RillaGen.Analyzers.Tests.Infrastructure;
using Xunit;

namespace RillaGen.Analyzers.Tests
{
    public class RequestRangeAnalyzerTests
    {
        private static string InMethod(string body) => $$"""
            using System;
            using RillaGen;

            class Paging
            {
                const int PageSize = 200;
                const int FirstPage = 0;
                static readonly int ConfiguredSize = 500;
                int _size = 75;

                void Run(ExportConversationsRequest req, int size)
                {
                    {{body}}
                }
            }
            """;

        [Theory]
        [InlineData("var r = new ExportConversationsRequest { Limit = {|#0:100|} };", "ExportConversationsRequest.Limit", "between 1 and 50", "100", "50")]
        [InlineData("req.Limit = {|#0:PageSize|};", "ExportConversationsRequest.Limit", "between 1 and 50", "200", "50")]
        [InlineData("req.Limit = {|#0:0|};", "ExportConversationsRequest.Limit", "between 1 and 50", "0", "1")]
        [InlineData("req.Limit = {|#0:-5|};", "ExportConversationsRequest.Limit", "between 1 and 50", "-5", "1")]
        [InlineData("req.Limit = {|#0:10 * 10|};", "ExportConversationsRequest.Limit", "between 1 and 50", "100", "50")]
        [InlineData("var n = 60; req.Limit = {|#0:n|};", "ExportConversationsRequest.Limit", "between 1 and 50", "60", "50")]
        [InlineData("req.Page = {|#0:0|};", "ExportConversationsRequest.Page", "at least 1", "0", "1")]
        [InlineData("req.Page = {|#0:FirstPage|};", "ExportConversationsRequest.Page", "at least 1", "0", "1")]
        public async Task A_constant_outside_the_spec_range_is_flagged(string body, string member, string range, string value, string bound)
        {
            await Verify.AnalyzerAsync<RequestRangeAnalyzer>(
                InMethod(body),
                Verify.Message(Descriptors.Rilla003OutOfRange).WithLocation(0).WithArguments(member, range, value, bound));
        }

        [Theory]
        [InlineData("req.Limit = 50; req.Limit = 1; req.Page = 1; req.Page = 1000;")]
        [InlineData("req.Limit = size;")]
        [InlineData("req.Limit = ConfiguredSize;")]
        [InlineData("req.Limit = _size;")]
        [InlineData("var n = 60; n = size; req.Limit = n;")]
        [InlineData("var n = 60; n++; req.Limit = n;")]
        [InlineData("req.Limit = Math.Min(size, 100);")]
        [InlineData("var teams = new ExportTeamsRequest { IncludeSubteams = true };")]
        [InlineData("var mine = new MyRequest { Limit = 500 };")]
        public async Task Values_in_range_or_not_constant_are_not_flagged(string body)
        {
            await Verify.AnalyzerAsync<RequestRangeAnalyzer>(InMethod(body) + "class MyRequest { public int Limit { get; set; } }");
        }

        // A client method whose parameter the spec bounds, as a query parameter would be generated.
        private static readonly Task<MetadataReference> RillaGenWithBoundedParameter = RillaReferences.CompileRillaGenAsync(
            RillaReferences.MetadataAttributeSources().Append(("Paging.cs", """
                namespace RillaGen
                {
                    public static class Paging
                    {
                        public static int Fetch([System.ComponentModel.DataAnnotations.Range(1, 25)] int pageSize, int other) => pageSize + other;
                    }
                }
                """)));

        [Fact]
        public async Task A_constant_argument_outside_a_bounded_parameter_is_flagged()
        {
            const string source = """
                using RillaGen;

                class Caller
                {
                    int Run(int size) => Paging.Fetch({|#0:30|}, 1000) + Paging.Fetch(25, 0) + Paging.Fetch(size, 0) + Paging.Fetch(pageSize: {|#1:0|}, other: 5);
                }
                """;

            await Verify.AnalyzerAsync<RequestRangeAnalyzer>(
                source,
                await RillaGenWithBoundedParameter,
                Verify.Message(Descriptors.Rilla003OutOfRange).WithLocation(0).WithArguments("Paging.Fetch(pageSize)", "between 1 and 25", "30", "25"),
                Verify.Message(Descriptors.Rilla003OutOfRange).WithLocation(1).WithArguments("Paging.Fetch(pageSize)", "between 1 and 25", "0", "1"));
        }

        [Fact]
        public async Task Code_fix_clamps_to_the_bound_that_was_crossed()
        {
            var source = InMethod("""
                req.Limit = {|#0:PageSize|};
                        req.Page = {|#1:0|};
                        var r = new ExportConversationsRequest { Limit = {|#2:10 * 10|} };
                """);
            var fixedSource = InMethod("""
                req.Limit = 50;
                        req.Page = 1;
                        var r = new ExportConversationsRequest { Limit = 50 };
                """);

            await Verify.CodeFixAsync<RequestRangeAnalyzer, ClampToBoundCodeFix>(
                source,
                fixedSource,
                Verify.Diagnostic(Descriptors.Rilla003OutOfRange).WithLocation(0),
                Verify.Diagnostic(Descriptors.Rilla003OutOfRange).WithLocation(1),
                Verify.Diagnostic(Descriptors.Rilla003OutOfRange).WithLocation(2));
        }
    }
}
