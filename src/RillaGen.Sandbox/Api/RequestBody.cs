using System.Globalization;
using System.Net.Mail;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace RillaGen.Sandbox.Api;

/// <summary>
/// Reads an export request body field by field, so each 400 names the field and the rule. Unknown
/// fields are ignored, as the API does.
/// </summary>
internal sealed class RequestBody
{
    private static readonly string[] IsoFormats =
    [
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK",
        "yyyy-MM-dd'T'HH:mm:ssK",
        "yyyy-MM-dd'T'HH:mmK",
        "yyyy-MM-dd",
    ];

    private readonly JObject _body;

    private RequestBody(JObject body) => _body = body;

    public static RequestBody Parse(string text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new RequestValidationException("Request body is empty; send a JSON object with fromDate and toDate.");
        }

        JToken token;
        try
        {
            using var reader = new JsonTextReader(new StringReader(text)) { DateParseHandling = DateParseHandling.None, FloatParseHandling = FloatParseHandling.Decimal };
            token = JToken.ReadFrom(reader);
            while (reader.Read())
            {
                if (reader.TokenType != JsonToken.Comment)
                {
                    throw new JsonReaderException($"unexpected content after the JSON value at position {reader.LinePosition}");
                }
            }
        }
        catch (JsonReaderException e)
        {
            throw new RequestValidationException($"Request body is not valid JSON: {e.Message}");
        }

        return token is JObject body ? new RequestBody(body) : throw new RequestValidationException($"Request body must be a JSON object, not {token.Type}.");
    }

    public DateTimeOffset RequiredDate(string name)
    {
        var token = Field(name) ?? throw new RequestValidationException($"{name} is required (an ISO 8601 date-time, e.g. 2024-03-01T00:00:00Z).");
        if (token.Type != JTokenType.String
            || !DateTimeOffset.TryParseExact((string)token!, IsoFormats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var value))
        {
            throw new RequestValidationException($"{name} must be an ISO 8601 date-time, e.g. 2024-03-01T00:00:00Z; got {token.ToString(Formatting.None)}.");
        }

        return value;
    }

    public int PositiveInteger(string name, int defaultValue, int? maximum = null)
    {
        var token = Field(name);
        if (token is null)
        {
            return defaultValue;
        }

        if (token.Type != JTokenType.Integer || token.Value<decimal>() < 1 || token.Value<decimal>() > int.MaxValue)
        {
            throw new RequestValidationException($"{name} must be a positive integer; got {token.ToString(Formatting.None)}.");
        }

        var value = token.Value<int>();
        if (value > maximum)
        {
            throw new RequestValidationException($"{name} must not exceed {maximum}; got {value}.");
        }

        return value;
    }

    public bool Boolean(string name, bool defaultValue)
    {
        var token = Field(name);
        return token is null ? defaultValue
            : token.Type == JTokenType.Boolean ? token.Value<bool>()
            : throw new RequestValidationException($"{name} must be true or false; got {token.ToString(Formatting.None)}.");
    }

    /// <summary>Whether the range filters on processedDate (true) or timeOfRecording (false, the default).</summary>
    public bool FiltersOnProcessedDate()
    {
        var token = Field("dateType");
        if (token is null)
        {
            return false;
        }

        return token.Type == JTokenType.String && (string)token! == "processedDate" ? true
            : token.Type == JTokenType.String && (string)token! == "timeOfRecording" ? false
            : throw new RequestValidationException($"dateType must be timeOfRecording or processedDate; got {token.ToString(Formatting.None)}.");
    }

    /// <summary>The users email filter, or null when absent.</summary>
    public IReadOnlyList<string>? Emails()
    {
        var token = Field("users");
        if (token is null)
        {
            return null;
        }

        if (token is not JArray array)
        {
            throw new RequestValidationException($"users must be an array of email addresses; got {token.Type}.");
        }

        var emails = new List<string>(array.Count);
        for (var i = 0; i < array.Count; i++)
        {
            var item = array[i];
            if (item.Type != JTokenType.String || !IsEmail((string)item!))
            {
                throw new RequestValidationException($"users[{i}] must be a valid email address; got {item.ToString(Formatting.None)}.");
            }

            emails.Add((string)item!);
        }

        return emails;
    }

    /// <summary>Checks the range: toDate must not precede fromDate.</summary>
    public static void CheckRange(DateTimeOffset from, DateTimeOffset to)
    {
        if (to < from)
        {
            throw new RequestValidationException($"toDate must not be before fromDate; got fromDate {from:O} and toDate {to:O}.");
        }
    }

    private JToken? Field(string name)
    {
        var token = _body[name];
        return token is null || token.Type == JTokenType.Null ? null : token;
    }

    private static bool IsEmail(string text) =>
        MailAddress.TryCreate(text, out var address) && string.Equals(address.Address, text, StringComparison.Ordinal) && address.Host.Contains('.', StringComparison.Ordinal);
}
