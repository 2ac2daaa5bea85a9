namespace RillaGen.Client.Tests.Support;

internal static class Json
{
    /// <summary>A valid, empty conversations page.</summary>
    public const string EmptyPage = """{"currentPage":1,"totalPages":1,"totalConversations":0,"conversations":[]}""";
}
