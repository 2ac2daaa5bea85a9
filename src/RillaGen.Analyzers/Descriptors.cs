using Microsoft.CodeAnalysis;

namespace RillaGen.Analyzers
{
    /// <summary>Every rule RillaGen's analyzers report, in one place (as xunit.analyzers' Descriptors).</summary>
    public static class Descriptors
    {
        /// <summary>Where each rule's documentation lives; the rule id and ".md" follow.</summary>
        public const string HelpLinkBase = "https://github.com/rillagen/rillagen/blob/main/docs/analyzers/";

        /// <summary>RILLA001: a deprecated alias is read or written.</summary>
        public static readonly DiagnosticDescriptor Rilla001DeprecatedAlias = Rule(
            "RILLA001",
            "Use the canonical field instead of a deprecated alias",
            "'{0}' is a deprecated alias of '{1}': use '{2}' instead",
            Categories.Usage,
            "The API still returns some fields under old names for backward compatibility. The spec marks them deprecated; they may be removed, so read and write the canonical field.");

        /// <summary>RILLA002: a presigned URL is persisted.</summary>
        public static readonly DiagnosticDescriptor Rilla002PresignedUrlPersisted = Rule(
            "RILLA002",
            "Do not persist a presigned URL",
            "'{0}' is a presigned URL that expires {1} after the response, but it is {2}: download the file now, or fetch the conversation again by id when you need the URL",
            Categories.Reliability,
            "Presigned URLs stop working a fixed time after the API response. Stored anywhere that outlives the request, they become dead links: download the file while the URL is valid, or keep the conversation id and fetch the conversation again.");

        /// <summary>RILLA003: a constant falls outside the range the spec allows.</summary>
        public static readonly DiagnosticDescriptor Rilla003OutOfRange = Rule(
            "RILLA003",
            "Request value is outside the range the API accepts",
            "'{0}' must be {1}, but this constant is {2}: use {3}",
            Categories.Usage,
            "The spec bounds some request fields and parameters; the API rejects a value outside the bounds with 400 Bad Request.");

        /// <summary>RILLA004: an API key is hard-coded.</summary>
        public static readonly DiagnosticDescriptor Rilla004HardCodedApiKey = Rule(
            "RILLA004",
            "Do not hard-code an API key",
            "'{0}' is given a hard-coded API key: read the key from configuration or a secret store (environment variable, user secrets, a vault) instead",
            Categories.Security,
            "API keys must stay out of source code: code is shared, copied and committed, and a leaked key exposes the organization's data.");

        /// <summary>RILLA005: an API key carries an auth scheme.</summary>
        public static readonly DiagnosticDescriptor Rilla005ApiKeyWithScheme = Rule(
            "RILLA005",
            "Pass the raw API key without an auth scheme",
            "'{0}' is given a key that starts with '{1}': pass the raw API key without the prefix, or the API answers 401 Unauthorized",
            Categories.Usage,
            "The API reads the Authorization header as the raw key. A key prefixed with an auth scheme such as 'Bearer ' is not recognized and the request fails with 401.");

        private static DiagnosticDescriptor Rule(string id, string title, string messageFormat, string category, string description) =>
            new DiagnosticDescriptor(
                id,
                title,
                messageFormat,
                category,
                DiagnosticSeverity.Warning,
                isEnabledByDefault: true,
                description: description,
                helpLinkUri: HelpLinkBase + id + ".md");

        private static class Categories
        {
            public const string Usage = "Usage";
            public const string Reliability = "Reliability";
            public const string Security = "Security";
        }
    }
}
