using System.Globalization;
using System.Text;
using Microsoft.IO;
using Newtonsoft.Json;
using Newtonsoft.Json.Converters;

namespace RillaGen.Sandbox.Api;

/// <summary>A response, fully rendered, so faults can cut or drip it. Dispose it once written.</summary>
internal sealed class ApiResult : IDisposable
{
    private static readonly JsonSerializer Serializer = JsonSerializer.Create(new JsonSerializerSettings
    {
        Formatting = Formatting.None,
        NullValueHandling = NullValueHandling.Include,
        Converters = { new IsoDateTimeConverter { DateTimeFormat = "yyyy'-'MM'-'dd'T'HH':'mm':'ss'Z'", Culture = CultureInfo.InvariantCulture } },
    });

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    // A page of 50 conversations is ~180 KB: one block holds it, so its bytes are contiguous without a copy.
    private static readonly RecyclableMemoryStreamManager Buffers = new(new RecyclableMemoryStreamManager.Options { BlockSize = 256 * 1024 });

    private readonly RecyclableMemoryStream? _buffer;

    private ApiResult(int status, string contentType, ReadOnlyMemory<byte> body, RecyclableMemoryStream? buffer)
    {
        Status = status;
        ContentType = contentType;
        Body = body;
        _buffer = buffer;
    }

    public int Status { get; }

    public string ContentType { get; }

    /// <summary>The whole body; valid until the result is disposed.</summary>
    public ReadOnlyMemory<byte> Body { get; }

    /// <summary>Serializes <paramref name="value"/> as UTF-8 straight into a pooled buffer (no intermediate string).</summary>
    public static ApiResult Json(object value)
    {
        var buffer = Buffers.GetStream(nameof(ApiResult));
        try
        {
            using (var text = new StreamWriter(buffer, Utf8, bufferSize: 16 * 1024, leaveOpen: true))
            using (var json = new JsonTextWriter(text) { Formatting = Formatting.None })
            {
                Serializer.Serialize(json, value);
            }

            return new ApiResult(200, "application/json; charset=utf-8", buffer.GetBuffer().AsMemory(0, (int)buffer.Length), buffer);
        }
        catch
        {
            buffer.Dispose();
            throw;
        }
    }

    public static ApiResult Text(int status, string message) => new(status, "text/plain; charset=utf-8", Encoding.UTF8.GetBytes(message), null);

    public void Dispose() => _buffer?.Dispose();
}
