using System.Globalization;
using Microsoft.AspNetCore.Http;
using RillaGen.Sandbox.Data;
using RillaGen.Sandbox.Faults;
using RillaGen.Sandbox.Media;

namespace RillaGen.Sandbox.Api;

/// <summary>The four export endpoints: auth, validation, faults, then the data.</summary>
internal sealed class ExportApi
{
    private const int MaxLimit = 50;
    private readonly RillaSandboxOptions _options;
    private readonly ConversationSource _source;
    private readonly ApiKeyAuthenticator _authenticator;
    private readonly FaultInjector _faults;
    private readonly ResponseWriter _writer;
    private readonly MediaSigner _signer;

    public ExportApi(RillaSandboxOptions options, ConversationSource source, MediaSigner signer)
    {
        _options = options;
        _source = source;
        _signer = signer;
        _authenticator = new ApiKeyAuthenticator(options, source.Organization);
        _faults = new FaultInjector(options.Faults);
        _writer = new ResponseWriter(options.Faults, options.TimeProvider);
    }

    public Task ExportConversationsAsync(HttpContext context) => HandleAsync(context, ExportConversations);

    public Task GetConversationAsync(HttpContext context) => HandleAsync(context, GetConversation);

    public Task ExportTeamsAsync(HttpContext context) => HandleAsync(context, ExportTeams);

    public Task ExportUsersAsync(HttpContext context) => HandleAsync(context, ExportUsers);

    private async Task HandleAsync(HttpContext context, Func<HttpContext, CallerScope, string, ApiResult> handler)
    {
        var request = context.Request;
        string body;
        using (var reader = new StreamReader(request.Body))
        {
            body = await reader.ReadToEndAsync(context.RequestAborted);
        }

        if (_options.Faults.Latency > TimeSpan.Zero)
        {
            await Task.Delay(_options.Faults.Latency, _options.TimeProvider, context.RequestAborted);
        }

        var scope = _authenticator.Authenticate(request.Headers.Authorization.ToString(), out var authError);
        var fault = _faults.Decide(request.Method, request.Path.Value ?? string.Empty, scope?.Name ?? "anonymous", body);
        ApiResult result;
        if (fault == FaultKind.ServerError)
        {
            result = ApiResult.Text(500, "Internal Server Error (injected by the sandbox)");
        }
        else if (fault == FaultKind.RateLimit)
        {
            context.Response.Headers.RetryAfter = _options.Faults.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
            result = ApiResult.Text(429, "Too Many Requests (injected by the sandbox)");
        }
        else if (scope is null)
        {
            result = ApiResult.Text(401, authError);
        }
        else
        {
            try
            {
                result = handler(context, scope, body);
            }
            catch (RequestValidationException e)
            {
                result = ApiResult.Text(400, e.Message);
            }
        }

        // Cutting a body only makes sense for a successful JSON response.
        using (result)
        {
            await _writer.WriteAsync(context, result, result.Status == 200 ? fault : FaultKind.None);
        }
    }

    private ApiResult ExportConversations(HttpContext context, CallerScope scope, string text)
    {
        var body = RequestBody.Parse(text);
        var from = body.RequiredDate("fromDate");
        var to = body.RequiredDate("toDate");
        var processed = body.FiltersOnProcessedDate();
        var page = body.PositiveInteger("page", 1);
        var limit = body.PositiveInteger("limit", MaxLimit, MaxLimit);
        var emails = body.Emails();
        RequestBody.CheckRange(from, to);

        if (_options.Faults.LiveArrivalsPerRequest > 0)
        {
            _source.Live.Add(_options.Faults.LiveArrivalsPerRequest);
        }

        var emailSet = emails is null ? null : new HashSet<string>(emails, StringComparer.OrdinalIgnoreCase);
        var query = new ConversationQuery(_source, from.ToUnixTimeSeconds(), to.ToUnixTimeSeconds(), processed, rep => scope.Sees(rep) && (emailSet is null || emailSet.Contains(rep.Email)));
        var total = query.Total;
        var baseUrl = BaseUrl(context);
        var conversations = query.Keys((page - 1L) * limit, limit).Select(key => _source.Export(_source.Core(key), id => MediaUrls(baseUrl, id))).ToList();
        return ApiResult.Json(new ExportConversationsResponse
        {
            CurrentPage = page,
            TotalPages = (int)((total + limit - 1) / limit),
            TotalConversations = (int)total,
            Conversations = conversations,
        });
    }

    private ApiResult GetConversation(HttpContext context, CallerScope scope, string text)
    {
        var raw = context.Request.RouteValues["conversationId"] as string;
        if (!Guid.TryParse(raw, out var id))
        {
            throw new RequestValidationException($"conversationId must be a UUID, e.g. f1a3e9d8-2b46-4c1a-9c7e-7e4a18d2c93f; got '{raw}'.");
        }

        // Out-of-scope conversations get the same 404 as missing ones, so existence never leaks.
        if (!_source.TryFind(id, out var key) || !scope.Sees(_source.RepOf(key)))
        {
            return ApiResult.Text(404, "Conversation not found");
        }

        var baseUrl = BaseUrl(context);
        return ApiResult.Json(_source.Export(_source.Core(key), conversationId => MediaUrls(baseUrl, conversationId)));
    }

    private ApiResult ExportTeams(HttpContext context, CallerScope scope, string text)
    {
        var body = RequestBody.Parse(text);
        var from = body.RequiredDate("fromDate");
        var to = body.RequiredDate("toDate");
        var includeSubteams = body.Boolean("includeSubteams", false);
        RequestBody.CheckRange(from, to);

        var report = Report(scope, from, to);
        var visible = _source.Organization.Teams.Where(scope.Sees).ToList();
        var teams = visible.Where(t => includeSubteams || t.Parent is null || !visible.Contains(t.Parent)).Select(report.Team).ToList();
        return ApiResult.Json(new ExportTeamsResponse { Teams = teams });
    }

    private ApiResult ExportUsers(HttpContext context, CallerScope scope, string text)
    {
        var body = RequestBody.Parse(text);
        var from = body.RequiredDate("fromDate");
        var to = body.RequiredDate("toDate");
        var emails = body.Emails();
        RequestBody.CheckRange(from, to);

        var report = Report(scope, from, to);
        var emailSet = emails is null ? null : new HashSet<string>(emails, StringComparer.OrdinalIgnoreCase);
        var users = _source.Organization.Users
            .Where(u => scope.Team is null || scope.Sees(u))
            .Where(u => emailSet is null || emailSet.Contains(u.Email))
            .Select(report.User)
            .ToList();
        return ApiResult.Json(new ExportUsersResponse { Users = users });
    }

    private AnalyticsReport Report(CallerScope scope, DateTimeOffset from, DateTimeOffset to) =>
        new(_source, new ConversationQuery(_source, from.ToUnixTimeSeconds(), to.ToUnixTimeSeconds(), processed: false, scope.Sees));

    private (string Audio, string Transcript) MediaUrls(string baseUrl, Guid id) =>
        (_signer.Sign(baseUrl, $"/media/{id}/audio.wav"), _signer.Sign(baseUrl, $"/media/{id}/transcript.json"));

    private static string BaseUrl(HttpContext context) => $"{context.Request.Scheme}://{context.Request.Host}";
}
