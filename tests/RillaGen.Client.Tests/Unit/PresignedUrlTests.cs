using RillaGen.Http;
using Xunit;

namespace RillaGen.Client.Tests.Unit;

public sealed class PresignedUrlTests
{
    [Fact]
    public void SigV4UrlsExpireAtDatePlusExpires()
    {
        var url = "https://bucket.s3.amazonaws.com/a.wav?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Date=20260101T000000Z&X-Amz-Expires=21600&X-Amz-Signature=ab";
        Assert.Equal(new DateTimeOffset(2026, 1, 1, 6, 0, 0, TimeSpan.Zero), PresignedUrl.ExpiresAt(url));
        Assert.False(PresignedUrl.HasExpired(url, new DateTimeOffset(2026, 1, 1, 5, 0, 0, TimeSpan.Zero)));
        Assert.True(PresignedUrl.HasExpired(url, new DateTimeOffset(2026, 1, 1, 6, 0, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void UrlsWithoutAnExpiryAreTried()
    {
        Assert.Null(PresignedUrl.ExpiresAt("https://cdn.example.com/a.wav?sig=x"));
        Assert.False(PresignedUrl.HasExpired("https://cdn.example.com/a.wav", DateTimeOffset.MaxValue));
    }

    [Fact]
    public void TheUriKeepsTheQueryByteExact()
    {
        const string url = "https://bucket.s3.amazonaws.com/media/a%20b.wav?X-Amz-Credential=AKIA%2F20260101%2Fus-east-1&X-Amz-Signature=ab%2Bcd%2Fef%3D";
        var uri = PresignedUrl.ToUri(url);
        Assert.Equal("/media/a%20b.wav?X-Amz-Credential=AKIA%2F20260101%2Fus-east-1&X-Amz-Signature=ab%2Bcd%2Fef%3D", uri.PathAndQuery);
    }
}
