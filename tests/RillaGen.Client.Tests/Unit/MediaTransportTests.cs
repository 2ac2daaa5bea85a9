using System.Globalization;
using RillaGen.Client.Tests.Support;
using Xunit;

namespace RillaGen.Client.Tests.Unit;

/// <summary>Media downloads over real loopback HTTP, checked at the byte level.</summary>
public sealed class MediaTransportTests
{
    [Fact]
    public async Task ThePresignedQueryGoesOnTheWireByteExactAndWithoutAuthorization()
    {
        var body = "RIFF-audio"u8.ToArray();
        await using var server = new RawHttpServer(async (_, stream) =>
        {
            await stream.WriteAsync(RawHttpServer.Head(200, "OK", body.Length, "audio/wav"));
            await stream.WriteAsync(body);
        });
        var signedAt = DateTimeOffset.UtcNow.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        var pathAndQuery = $"/media/c1/audio.wav?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIA%2F20260101%2Fus-east-1%2Fs3&X-Amz-Date={signedAt}&X-Amz-Expires=21600&X-Amz-Signature=ab%2Bcd%2Fef%3D";
        using var client = new RillaExportClient(new RillaClientOptions { ApiKey = "secret-key-123", BaseAddress = new Uri($"http://127.0.0.1:{server.Port}") });
        var conversation = new ConversationsExport { ConversationId = Guid.NewGuid(), AudioUrl = $"http://127.0.0.1:{server.Port}{pathAndQuery}" };
        using var destination = new MemoryStream();

        await client.DownloadAudioAsync(conversation, destination);

        Assert.Equal(body, destination.ToArray());
        var head = Assert.Single(server.RequestHeads);
        Assert.StartsWith($"GET {pathAndQuery} HTTP/1.1\r\n", head, StringComparison.Ordinal);
        Assert.DoesNotContain("Authorization", head, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("secret-key-123", head, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheBodyStreamsToTheDestinationBeforeTheServerHasSentItAll()
    {
        var firstHalf = new byte[64 * 1024];
        var secondHalf = new byte[64 * 1024];
        Array.Fill(firstHalf, (byte)1);
        Array.Fill(secondHalf, (byte)2);
        var destination = new SignalingStream();
        await using var server = new RawHttpServer(async (_, stream) =>
        {
            await stream.WriteAsync(RawHttpServer.Head(200, "OK", firstHalf.Length + secondHalf.Length));
            await stream.WriteAsync(firstHalf);
            await stream.FlushAsync();
            // A client that buffered the whole body would never write to the destination before this.
            await destination.FirstWrite.WaitAsync(TimeSpan.FromSeconds(30));
            await stream.WriteAsync(secondHalf);
        });
        using var client = new RillaExportClient(new RillaClientOptions { ApiKey = "demo-key", BaseAddress = new Uri($"http://127.0.0.1:{server.Port}") });
        var conversation = new ConversationsExport { ConversationId = Guid.NewGuid(), TranscriptUrl = $"http://127.0.0.1:{server.Port}/media/c1/transcript.json" };

        await client.DownloadTranscriptAsync(conversation, destination);

        Assert.Equal(firstHalf.Length + secondHalf.Length, destination.Length);
        Assert.Equal(2, destination.ToArray()[^1]);
    }

    [Fact]
    public async Task ADownloadCancelsPromptly()
    {
        var released = new TaskCompletionSource();
        await using var server = new RawHttpServer(async (_, stream) =>
        {
            await stream.WriteAsync(RawHttpServer.Head(200, "OK", 1_000_000));
            await stream.WriteAsync(new byte[1000]);
            await stream.FlushAsync();
            await released.Task.WaitAsync(TimeSpan.FromSeconds(30));
        });
        using var client = new RillaExportClient(new RillaClientOptions { ApiKey = "demo-key", BaseAddress = new Uri($"http://127.0.0.1:{server.Port}") });
        var conversation = new ConversationsExport { ConversationId = Guid.NewGuid(), AudioUrl = $"http://127.0.0.1:{server.Port}/media/c1/audio.wav" };
        var destination = new SignalingStream();
        using var cancellation = new CancellationTokenSource();

        var download = client.DownloadAudioAsync(conversation, destination, cancellation.Token);
        await destination.FirstWrite.WaitAsync(TimeSpan.FromSeconds(30));
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => download.WaitAsync(TimeSpan.FromSeconds(30)));
        released.SetResult();
    }

    private sealed class SignalingStream : MemoryStream
    {
        private readonly TaskCompletionSource _firstWrite = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task FirstWrite => _firstWrite.Task;

        public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            await base.WriteAsync(buffer, cancellationToken);
            _firstWrite.TrySetResult();
        }

        public override async Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        {
            await base.WriteAsync(buffer.AsMemory(offset, count), cancellationToken);
            _firstWrite.TrySetResult();
        }
    }
}
