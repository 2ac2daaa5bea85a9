namespace RillaGen
{
    /// <summary>What kind of failure a <see cref="RillaApiException"/> reports.</summary>
    public enum RillaErrorKind
    {
        /// <summary>400: the request is malformed. Permanent: retrying the same request will not help.</summary>
        BadRequest,

        /// <summary>401: the Authorization header is missing or the key is not recognized.</summary>
        Unauthorized,

        /// <summary>404: the conversation does not exist or is outside the key's scope.</summary>
        NotFound,

        /// <summary>429: the infrastructure throttled the request. Transient.</summary>
        RateLimited,

        /// <summary>5xx: the server failed. May be transient.</summary>
        ServerError,

        /// <summary>Any other status, or a response the client could not read.</summary>
        Unexpected,
    }
}
