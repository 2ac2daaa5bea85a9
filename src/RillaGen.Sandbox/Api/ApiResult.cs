using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Converters;

namespace RillaGen.Sandbox.Api;

/// <summary>A response, fully rendered, so faults can cut or drip it.</summary>
internal sealed record ApiResult(int Status, string ContentType, byte[] Body)
{
    private static readonly JsonSerializerSettings Settings = new()
    {
        Formatting = Formatting.None,
        NullValueHandling = NullValueHandling.Include,
        Converters = { new IsoDateTimeConverter { DateTimeFormat = "yyyy'-'MM'-'dd'T'HH':'mm':'ss'Z'", Culture = System.Globalization.CultureInfo.InvariantCulture } },
    };

    public static ApiResult Json(object value) => new(200, "application/json; charset=utf-8", Encoding.UTF8.GetBytes(JsonConvert.SerializeObject(value, Settings)));

    public static ApiResult Text(int status, string message) => new(status, "text/plain; charset=utf-8", Encoding.UTF8.GetBytes(message));
}
