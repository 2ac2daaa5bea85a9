using RillaGen.Http;
using Xunit;

namespace RillaGen.Client.Tests.Unit;

/// <summary>The pooled buffer each API response body is read into.</summary>
public sealed class PooledBodyContentTests
{
    [Theory]
    [InlineData(0, null)]
    [InlineData(1, 1L)]
    [InlineData(181_793, 181_793L)]
    [InlineData(181_793, null)]
    [InlineData(300_000, 1_000L)]
    [InlineData(1_000, 300_000L)]
    public async Task TheBodyComesBackByteForByteWhateverTheAnnouncedLength(int size, long? announced)
    {
        var body = Enumerable.Range(0, size).Select(i => (byte)(i * 31)).ToArray();
        // A stream that hands out a few bytes at a time, as a socket does.
        using var source = new TrickleStream(body, 7_001);

        using var content = await PooledBodyContent.ReadAsync(source, announced, CancellationToken.None);

        Assert.Equal(size, content.Count);
        Assert.Equal(body, await content.ReadAsByteArrayAsync());
        Assert.Equal(size, content.Headers.ContentLength);
        using var copy = new MemoryStream();
        await content.CopyToAsync(copy);
        Assert.Equal(body, copy.ToArray());
    }

    [Fact]
    public async Task ADisposedBodyCannotBeReadAndDisposesOnce()
    {
        using var source = new MemoryStream(new byte[] { 1, 2, 3 });
        var content = await PooledBodyContent.ReadAsync(source, 3, CancellationToken.None);

        content.Dispose();
        content.Dispose();

        Assert.Throws<ObjectDisposedException>(() => content.Buffer);
    }

    [Fact]
    public async Task AFailedReadSurfacesTheFailure()
    {
        using var source = new FailingStream();

        await Assert.ThrowsAsync<IOException>(() => PooledBodyContent.ReadAsync(source, 100_000, CancellationToken.None));
    }

    private sealed class TrickleStream(byte[] data, int chunk) : MemoryStream(data, writable: false)
    {
        public override int Read(byte[] buffer, int offset, int count) => base.Read(buffer, offset, Math.Min(count, chunk));

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            base.ReadAsync(buffer[..Math.Min(buffer.Length, chunk)], cancellationToken);
    }

    private sealed class FailingStream : MemoryStream
    {
        private int _reads;

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (_reads++ > 0)
            {
                throw new IOException("The response ended prematurely.");
            }

            buffer.Span[..10].Fill(1);
            return new ValueTask<int>(10);
        }
    }
}
