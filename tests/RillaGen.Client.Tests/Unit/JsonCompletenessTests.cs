using System.Text;
using RillaGen.Http;
using Xunit;

namespace RillaGen.Client.Tests.Unit;

/// <summary>The cheap completeness check that replaced a second full parse of every response body.</summary>
public sealed class JsonCompletenessTests
{
    // Strings hold brackets, escaped quotes and escaped backslashes, which must not move the depth.
    private const string Page = """
        {"currentPage":1,"totalPages":2,"totalConversations":3,"conversations":[
          {"conversationId":"f1a3e9d8-2b46-4c1a-9c7e-7e4a18d2c93f","title":"Roof \"{[quote]}\" \\","customFields":{"a":[1,2.5,true,null]}},
          {"conversationId":"a1a3e9d8-2b46-4c1a-9c7e-7e4a18d2c93f","title":"}]}]","viewers":[]}
        ]}
        """;

    [Theory]
    [InlineData(Page)]
    [InlineData("""{"currentPage":1,"totalPages":1,"totalConversations":0,"conversations":[]}""")]
    [InlineData("  [ ]\r\n")]
    [InlineData("\"just a string with } and ]\"")]
    [InlineData("null")]
    public void ACompleteBodyPasses(string json)
    {
        Assert.Null(Problem(json));
    }

    [Fact]
    public void ABodyWithAUtf8ByteOrderMarkPasses()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(Page)).ToArray();
        Assert.Null(JsonCompleteness.Problem(bytes, bytes.Length));
    }

    [Fact]
    public void EveryCutOfAPageIsCaught()
    {
        var bytes = Encoding.UTF8.GetBytes(Page.Trim());
        for (var cut = 0; cut < bytes.Length; cut++)
        {
            Assert.True(JsonCompleteness.Problem(bytes, cut) is not null, $"a body cut to {cut} of {bytes.Length} bytes passed");
        }

        Assert.Null(JsonCompleteness.Problem(bytes, bytes.Length));
    }

    [Theory]
    [InlineData("", "ended before its JSON was complete")]
    [InlineData("   \n", "ended before its JSON was complete")]
    [InlineData("""{"a":"unterminated}""", "ended before its JSON was complete")]
    [InlineData("] ", "unbalanced ']' at byte 0")]
    [InlineData("""{"a":1}}""", "unexpected content after the JSON value at byte 7")]
    [InlineData("""{"a":1} {"b":2}""", "unexpected content after the JSON value at byte 8")]
    [InlineData("\"text\" trailing", "unexpected content after the JSON value at byte 7")]
    public void AnIncompleteBodySaysWhy(string json, string expected)
    {
        Assert.Contains(expected, Problem(json), StringComparison.Ordinal);
    }

    [Fact]
    public void OnlyTheCountedBytesAreChecked()
    {
        // A pooled buffer is larger than the body; what lies past Count is stale and ignored.
        var bytes = Encoding.UTF8.GetBytes("""{"a":1}{{{{"unterminated""");
        Assert.Null(JsonCompleteness.Problem(bytes, 7));
    }

    private static string? Problem(string json)
    {
        var bytes = Encoding.UTF8.GetBytes(json);
        return JsonCompleteness.Problem(bytes, bytes.Length);
    }
}
