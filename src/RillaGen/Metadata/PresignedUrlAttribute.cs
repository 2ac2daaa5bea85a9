using System;

namespace RillaGen.Metadata
{
    /// <summary>
    /// Marks a property that holds a presigned URL, valid for a limited time after the response.
    /// Generated from the spec's <c>x-rilla-presigned-url-expires-after-seconds</c>; the RILLA002
    /// analyzer and the media downloads read it.
    /// </summary>
    [AttributeUsage(AttributeTargets.Property, AllowMultiple = false, Inherited = false)]
    public sealed class PresignedUrlAttribute : Attribute
    {
        /// <summary>Creates the mark.</summary>
        /// <param name="expiresAfterSeconds">Seconds after the response at which the URL stops working.</param>
        public PresignedUrlAttribute(int expiresAfterSeconds)
        {
            ExpiresAfterSeconds = expiresAfterSeconds;
        }

        /// <summary>Seconds after the response at which the URL stops working.</summary>
        public int ExpiresAfterSeconds { get; }
    }
}
