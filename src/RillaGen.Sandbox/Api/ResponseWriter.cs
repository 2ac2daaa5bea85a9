using Microsoft.AspNetCore.Http;
using RillaGen.Sandbox.Faults;

namespace RillaGen.Sandbox.Api;

/// <summary>Writes a rendered response, applying slow drip, truncation or a mid-body abort.</summary>
internal sealed class ResponseWriter
{
    private const int ChunkSize = 1024;
    private readonly SandboxFaultOptions _faults;
    private readonly TimeProvider _time;

    public ResponseWriter(SandboxFaultOptions faults, TimeProvider time)
    {
        _faults = faults;
        _time = time;
    }

    public async Task WriteAsync(HttpContext context, ApiResult result, FaultKind fault)
    {
        var response = context.Response;
        response.StatusCode = result.Status;
        response.ContentType = result.ContentType;
        var body = result.Body;
        var length = body.Length;
        if (fault is FaultKind.Truncate or FaultKind.Abort)
        {
            length = Math.Max(1, body.Length / 2);
        }

        // An aborted response announces the whole body, then stops; a truncated one is complete but cut.
        response.ContentLength = fault == FaultKind.Abort ? body.Length : length;
        var token = context.RequestAborted;
        // Only a slow drip needs small pieces; otherwise the (possibly cut) body goes out in one write.
        var chunkSize = _faults.DripDelay > TimeSpan.Zero ? ChunkSize : Math.Max(1, length);
        for (var offset = 0; offset < length; offset += chunkSize)
        {
            if (offset > 0 && _faults.DripDelay > TimeSpan.Zero)
            {
                await Task.Delay(_faults.DripDelay, _time, token);
            }

            await response.Body.WriteAsync(body.Slice(offset, Math.Min(chunkSize, length - offset)), token);
            if (_faults.DripDelay > TimeSpan.Zero || fault == FaultKind.Abort)
            {
                await response.Body.FlushAsync(token);
            }
        }

        if (fault == FaultKind.Abort)
        {
            context.Abort();
        }
    }
}
