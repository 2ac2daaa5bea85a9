using System.Text.RegularExpressions;

namespace RillaGen
{
    /// <summary>Removes secrets from text that may reach a log or an exception message.</summary>
    internal static class SecretRedactor
    {
        internal const string Redacted = "REDACTED";

        // A presigned URL carries its signature in the query string, so the whole query goes.
        private static readonly Regex UrlQuery = new Regex(@"(https?://[^\s?""'<>]+)\?[^\s""'<>]*", RegexOptions.Compiled | RegexOptions.CultureInvariant);

        /// <summary>Replaces the query string of every URL in <paramref name="text"/>.</summary>
        internal static string RedactText(string text) => UrlQuery.Replace(text, "$1?" + Redacted);
    }
}
