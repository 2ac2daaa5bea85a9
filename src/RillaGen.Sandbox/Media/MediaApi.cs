using System.Security;
using System.Text;
using Microsoft.AspNetCore.Http;
using Newtonsoft.Json;
using RillaGen.Sandbox.Data;

namespace RillaGen.Sandbox.Media;

/// <summary>The presigned media routes, answering errors as S3 does (XML bodies).</summary>
internal sealed class MediaApi
{
    private readonly RillaSandboxOptions _options;
    private readonly ConversationSource _source;
    private readonly MediaSigner _signer;

    public MediaApi(RillaSandboxOptions options, ConversationSource source, MediaSigner signer)
    {
        _options = options;
        _source = source;
        _signer = signer;
    }

    public Task AudioAsync(HttpContext context) => ServeAsync(context, "audio/wav", key => MediaContent.Wav(_options.Seed, key));

    public Task TranscriptAsync(HttpContext context) => ServeAsync(context, "application/json", key =>
        Encoding.UTF8.GetBytes(JsonConvert.SerializeObject(MediaContent.Transcript(_options.Seed, key, _source.RepOf(key).Name))));

    private async Task ServeAsync(HttpContext context, string contentType, Func<long, byte[]> content)
    {
        if (_options.Faults.Latency > TimeSpan.Zero)
        {
            await Task.Delay(_options.Faults.Latency, _options.TimeProvider, context.RequestAborted);
        }

        var request = context.Request;
        if (request.Headers.Authorization.Count > 0)
        {
            await ErrorAsync(context, 400, "InvalidArgument", "Only one auth mechanism allowed; only the X-Amz-Algorithm query parameter, Signature query string parameter or the Authorization header should be specified");
            return;
        }

        var query = request.Query;
        var status = _signer.Check(request.Path.Value ?? string.Empty, query["X-Amz-Date"], query["X-Amz-Expires"], query["X-Amz-Signature"]);
        switch (status)
        {
            case MediaSignatureStatus.Missing:
                await ErrorAsync(context, 403, "AccessDenied", "Query-string authentication requires the X-Amz-Date, X-Amz-Expires and X-Amz-Signature parameters");
                return;
            case MediaSignatureStatus.Mismatch:
                await ErrorAsync(context, 403, "SignatureDoesNotMatch", "The request signature we calculated does not match the signature you provided.");
                return;
            case MediaSignatureStatus.Expired:
                await ErrorAsync(context, 403, "AccessDenied", "Request has expired");
                return;
        }

        var raw = request.RouteValues["conversationId"] as string;
        if (!Guid.TryParse(raw, out var id) || !_source.TryFind(id, out var key))
        {
            await ErrorAsync(context, 404, "NoSuchKey", "The specified key does not exist.");
            return;
        }

        var bytes = content(key);
        context.Response.ContentType = contentType;
        context.Response.ContentLength = bytes.Length;
        await context.Response.Body.WriteAsync(bytes, context.RequestAborted);
    }

    private static async Task ErrorAsync(HttpContext context, int status, string code, string message)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/xml";
        var xml = $"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>{code}</Code><Message>{SecurityElement.Escape(message)}</Message><RequestId>{context.TraceIdentifier}</RequestId></Error>";
        await context.Response.WriteAsync(xml, context.RequestAborted);
    }
}
