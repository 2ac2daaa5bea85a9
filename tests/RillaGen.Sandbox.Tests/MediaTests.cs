using System.Buffers.Binary;
using System.Xml.Linq;
using Newtonsoft.Json.Linq;

namespace RillaGen.Sandbox.Tests;

/// <summary>Presigned media: signed, expiring, S3-style errors, deterministic content.</summary>
public sealed class MediaTests : IAsyncLifetime, IDisposable
{
    private readonly AdjustableTimeProvider _clock = new();
    private RillaSandbox _sandbox = null!;
    private SandboxClient _client = null!;

    public async Task InitializeAsync()
    {
        _sandbox = await RillaSandbox.StartAsync(new RillaSandboxOptions { ConversationCount = 2000, MediaUrlLifetime = TimeSpan.FromSeconds(30), TimeProvider = _clock });
        _client = new SandboxClient(_sandbox);
    }

    public async Task DisposeAsync() => await _sandbox.DisposeAsync();

    public void Dispose() => _client.Dispose();

    [Fact]
    public async Task MediaUrlsPointAtTheSandboxAndCarryTheConfiguredExpiry()
    {
        var conversation = await FirstConversationAsync();
        var audio = new Uri((string)conversation["audioUrl"]!);
        var transcript = new Uri((string)conversation["transcriptUrl"]!);

        Assert.Equal(_sandbox.BaseAddress.Authority, audio.Authority);
        Assert.Equal($"/media/{conversation["conversationId"]}/audio.wav", audio.AbsolutePath);
        Assert.Equal($"/media/{conversation["conversationId"]}/transcript.json", transcript.AbsolutePath);
        Assert.Contains("X-Amz-Expires=30&", audio.Query, StringComparison.Ordinal);
        Assert.Contains("X-Amz-Signature=", audio.Query, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AudioIsASmallValidWavAndTheSameEachTime()
    {
        var conversation = await FirstConversationAsync();
        var first = await _client.Http.GetByteArrayAsync((string)conversation["audioUrl"]!);
        var again = await _client.Http.GetByteArrayAsync((string)(await FirstConversationAsync())["audioUrl"]!);

        Assert.Equal("RIFF"u8.ToArray(), first[..4]);
        Assert.Equal("WAVE"u8.ToArray(), first[8..12]);
        Assert.Equal(1, BinaryPrimitives.ReadInt16LittleEndian(first.AsSpan(20)));
        Assert.Equal(16, BinaryPrimitives.ReadInt16LittleEndian(first.AsSpan(34)));
        Assert.Equal(first.Length - 44, BinaryPrimitives.ReadInt32LittleEndian(first.AsSpan(40)));
        Assert.Equal(first.Length - 8, BinaryPrimitives.ReadInt32LittleEndian(first.AsSpan(4)));
        Assert.InRange(first.Length, 1000, 100_000);
        Assert.Equal(first, again);
    }

    [Fact]
    public async Task TheTranscriptIsAnArrayOfSpeakerTurnsWithTimedWords()
    {
        var conversation = await FirstConversationAsync();
        var transcript = JArray.Parse(await _client.Http.GetStringAsync((string)conversation["transcriptUrl"]!));

        Assert.NotEmpty(transcript);
        Assert.Contains(transcript, turn => (string?)turn["speaker"] == (string?)conversation["user"]!["name"]);
        var previousEnd = 0.0;
        foreach (var turn in transcript)
        {
            Assert.Equal(["speaker", "words"], ((JObject)turn).Properties().Select(p => p.Name));
            foreach (var word in turn["words"]!)
            {
                Assert.Equal(["word", "start_time", "end_time", "confidence"], ((JObject)word).Properties().Select(p => p.Name));
                Assert.False(string.IsNullOrEmpty((string?)word["word"]));
                Assert.True((double)word["start_time"]! >= previousEnd);
                Assert.True((double)word["end_time"]! > (double)word["start_time"]!);
                Assert.InRange((double)word["confidence"]!, 0, 1);
                previousEnd = (double)word["end_time"]!;
            }
        }
    }

    [Fact]
    public async Task AnExpiredUrlGets403WithAnS3XmlError()
    {
        var url = (string)(await FirstConversationAsync())["audioUrl"]!;
        _clock.Now += TimeSpan.FromSeconds(29);
        using (var stillValid = await _client.Http.GetAsync(url))
        {
            Assert.Equal(200, (int)stillValid.StatusCode);
        }

        _clock.Now += TimeSpan.FromSeconds(2);
        using var expired = await _client.Http.GetAsync(url);
        var error = XDocument.Parse(await expired.Content.ReadAsStringAsync());

        Assert.Equal(403, (int)expired.StatusCode);
        Assert.Equal("application/xml", expired.Content.Headers.ContentType!.MediaType);
        Assert.Equal("AccessDenied", error.Root!.Element("Code")!.Value);
        Assert.Equal("Request has expired", error.Root!.Element("Message")!.Value);
    }

    [Theory]
    [InlineData("signature")]
    [InlineData("expiry")]
    [InlineData("path")]
    [InlineData("missing")]
    public async Task ATamperedUrlGets403(string tamper)
    {
        var conversations = (await _client.PostJsonAsync("/export/conversations", $$"""{ {{SandboxClient.SampleRange}}, "limit": 2 }"""))["conversations"]!;
        var url = (string)conversations[0]!["audioUrl"]!;
        var tampered = tamper switch
        {
            "signature" => url[..^4] + (url.EndsWith("0000", StringComparison.Ordinal) ? "1111" : "0000"),
            "expiry" => url.Replace("X-Amz-Expires=30", "X-Amz-Expires=999999", StringComparison.Ordinal),
            "path" => url.Replace((string)conversations[0]!["conversationId"]!, (string)conversations[1]!["conversationId"]!, StringComparison.Ordinal),
            _ => url[..url.IndexOf('?', StringComparison.Ordinal)],
        };

        using var response = await _client.Http.GetAsync(tampered);
        var code = XDocument.Parse(await response.Content.ReadAsStringAsync()).Root!.Element("Code")!.Value;

        Assert.Equal(403, (int)response.StatusCode);
        Assert.Equal(tamper == "missing" ? "AccessDenied" : "SignatureDoesNotMatch", code);
    }

    [Fact]
    public async Task AnAuthorizationHeaderOnAMediaRequestGets400()
    {
        var url = (string)(await FirstConversationAsync())["transcriptUrl"]!;
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.TryAddWithoutValidation("Authorization", "demo-key");
        using var response = await _client.Http.SendAsync(request);
        var error = XDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(400, (int)response.StatusCode);
        Assert.Equal("InvalidArgument", error.Root!.Element("Code")!.Value);
        Assert.Contains("Only one auth mechanism allowed", error.Root!.Element("Message")!.Value, StringComparison.Ordinal);
    }

    private async Task<JObject> FirstConversationAsync() =>
        (JObject)(await _client.PostJsonAsync("/export/conversations", $$"""{ {{SandboxClient.SampleRange}}, "limit": 1 }"""))["conversations"]![0]!;
}
