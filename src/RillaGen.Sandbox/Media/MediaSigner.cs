using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace RillaGen.Sandbox.Media;

/// <summary>The outcome of checking a presigned media URL.</summary>
internal enum MediaSignatureStatus
{
    Valid,
    Missing,
    Expired,
    Mismatch,
}

/// <summary>
/// Presigns media URLs S3-style: X-Amz-Date, X-Amz-Expires and an HMAC-SHA256 X-Amz-Signature over
/// the path and both values, with a key that lives only in this process.
/// </summary>
internal sealed class MediaSigner
{
    private const string DateFormat = "yyyyMMdd'T'HHmmss'Z'";
    private readonly byte[] _key = RandomNumberGenerator.GetBytes(32);
    private readonly TimeProvider _time;
    private readonly TimeSpan _lifetime;

    public MediaSigner(TimeProvider time, TimeSpan lifetime)
    {
        if (lifetime <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(lifetime), lifetime, "MediaUrlLifetime must be positive.");
        }

        _time = time;
        _lifetime = lifetime;
    }

    public string Sign(string baseUrl, string path)
    {
        var date = _time.GetUtcNow().ToString(DateFormat, CultureInfo.InvariantCulture);
        var expires = ((long)Math.Ceiling(_lifetime.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        return $"{baseUrl}{path}?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Date={date}&X-Amz-Expires={expires}&X-Amz-SignedHeaders=host&X-Amz-Signature={Signature(path, date, expires)}";
    }

    public MediaSignatureStatus Check(string path, string? date, string? expires, string? signature)
    {
        if (date is null || expires is null || signature is null)
        {
            return MediaSignatureStatus.Missing;
        }

        var expected = Encoding.ASCII.GetBytes(Signature(path, date, expires));
        if (!CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(signature)))
        {
            return MediaSignatureStatus.Mismatch;
        }

        var issued = DateTimeOffset.ParseExact(date, DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
        var lifetime = TimeSpan.FromSeconds(long.Parse(expires, CultureInfo.InvariantCulture));
        return _time.GetUtcNow() >= issued + lifetime ? MediaSignatureStatus.Expired : MediaSignatureStatus.Valid;
    }

    private string Signature(string path, string date, string expires) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes($"{path}\n{date}\n{expires}")));
}
