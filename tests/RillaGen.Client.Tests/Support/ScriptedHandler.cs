using System.Collections.Concurrent;
using System.Net;
using System.Text;

namespace RillaGen.Client.Tests.Support;

/// <summary>A stand-in transport for unit tests of one policy: answers from a script and records requests.</summary>
internal sealed class ScriptedHandler : HttpMessageHandler
{
    private readonly ConcurrentQueue<Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>>> _script = new();

    public List<HttpRequestMessage> Requests { get; } = new();

    public List<string?> AuthorizationHeaders { get; } = new();

    public ScriptedHandler Then(Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> step)
    {
        _script.Enqueue(step);
        return this;
    }

    public ScriptedHandler Then(HttpStatusCode status, string body = "", string mediaType = "text/plain", Action<HttpResponseMessage>? configure = null) =>
        Then((_, _) =>
        {
            var response = new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8, mediaType) };
            configure?.Invoke(response);
            return Task.FromResult(response);
        });

    public ScriptedHandler ThenJson(string json) => Then(HttpStatusCode.OK, json, "application/json");

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        lock (Requests)
        {
            Requests.Add(request);
            AuthorizationHeaders.Add(request.Headers.TryGetValues("Authorization", out var values) ? string.Join(",", values) : null);
        }

        if (!_script.TryDequeue(out var step))
        {
            throw new InvalidOperationException("The test script has no response left for " + request.RequestUri);
        }

        return step(request, cancellationToken);
    }
}
