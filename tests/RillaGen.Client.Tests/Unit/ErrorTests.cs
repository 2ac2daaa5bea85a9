using Xunit;

namespace RillaGen.Client.Tests.Unit;

public sealed class ErrorTests
{
    private static readonly Dictionary<string, IEnumerable<string>> NoHeaders = new();

    [Theory]
    [InlineData(400, RillaErrorKind.BadRequest, false)]
    [InlineData(401, RillaErrorKind.Unauthorized, false)]
    [InlineData(404, RillaErrorKind.NotFound, false)]
    [InlineData(429, RillaErrorKind.RateLimited, true)]
    [InlineData(503, RillaErrorKind.ServerError, true)]
    public void TheKindFollowsTheStatus(int status, RillaErrorKind kind, bool transient)
    {
        var error = new RillaApiException("failed", status, "server text", NoHeaders, null);
        Assert.Equal(kind, error.Kind);
        Assert.Equal(transient, error.IsTransient);
        Assert.Equal(status, error.StatusCode);
        Assert.Equal("server text", error.ServerMessage);
    }

    [Fact]
    public void TheUnauthorizedMessageAsksForTheRawKey()
    {
        var error = new RillaApiException("Authorization header missing or API key not recognized.", 401, "Unauthorized", NoHeaders, null);
        Assert.Contains("raw API key", error.Message, StringComparison.Ordinal);
        Assert.Contains("no prefix", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ToStringCarriesNoPresignedSignature()
    {
        var inner = new InvalidOperationException("GET https://bucket.s3.amazonaws.com/a.wav?X-Amz-Signature=deadbeef failed");
        var error = new RillaApiException("Download of https://bucket.s3.amazonaws.com/a.wav?X-Amz-Signature=deadbeef failed", 403, "see https://x.test/?X-Amz-Signature=deadbeef", NoHeaders, inner);
        Assert.DoesNotContain("deadbeef", error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("deadbeef", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("deadbeef", error.ServerMessage, StringComparison.Ordinal);
    }
}
