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

        /// <summary>Any other status.</summary>
        Unexpected,

        /// <summary>The connection failed or the body was aborted, on every attempt. Transient.</summary>
        NetworkError,

        /// <summary>Every attempt exceeded <see cref="RillaClientOptions.AttemptTimeout"/>. Transient.</summary>
        Timeout,

        /// <summary>A success response whose body was truncated or not the expected JSON. Transient.</summary>
        InvalidResponse,
    }
}
