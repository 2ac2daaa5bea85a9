using System;
using System.Collections.Generic;
using Microsoft.Extensions.Options;

namespace RillaGen
{
    /// <summary>Checks <see cref="RillaClientOptions"/>; the DI registration runs it at start.</summary>
    internal sealed class RillaClientOptionsValidator : IValidateOptions<RillaClientOptions>
    {
        public ValidateOptionsResult Validate(string? name, RillaClientOptions options)
        {
            var failures = Check(options);
            return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures.ConvertAll(f => f.Message));
        }

        /// <summary>Throws an <see cref="ArgumentException"/> naming the first bad field.</summary>
        internal static void ThrowIfInvalid(RillaClientOptions options)
        {
            Guard.NotNull(options, nameof(options));
            foreach (var failure in Check(options))
            {
                throw new ArgumentException(failure.Message, "options." + failure.Field);
            }
        }

        private static List<Failure> Check(RillaClientOptions options)
        {
            var failures = new List<Failure>();
            var keyProblem = DescribeKeyProblem(options.ApiKey);
            if (keyProblem is not null)
            {
                failures.Add(new Failure(nameof(RillaClientOptions.ApiKey), keyProblem));
            }

            var address = options.BaseAddress;
            if (address is null || !address.IsAbsoluteUri)
            {
                failures.Add(new Failure(nameof(RillaClientOptions.BaseAddress), "RillaClientOptions.BaseAddress must be an absolute URI such as https://customer.rillavoice.com."));
            }
            else if (address.Scheme != Uri.UriSchemeHttps && !(address.Scheme == Uri.UriSchemeHttp && address.IsLoopback))
            {
                failures.Add(new Failure(nameof(RillaClientOptions.BaseAddress), $"RillaClientOptions.BaseAddress must use https (plain http is allowed only on loopback); got scheme '{address.Scheme}' for host '{address.Host}'."));
            }

            if (options.MaxRetries < 0 || options.MaxRetries > 100)
            {
                failures.Add(new Failure(nameof(RillaClientOptions.MaxRetries), $"RillaClientOptions.MaxRetries must be between 0 and 100; got {options.MaxRetries}."));
            }

            CheckPositive(failures, nameof(RillaClientOptions.RetryBaseDelay), options.RetryBaseDelay);
            CheckPositive(failures, nameof(RillaClientOptions.RetryMaxDelay), options.RetryMaxDelay);
            if (options.MaxRetryAfter < TimeSpan.Zero)
            {
                failures.Add(new Failure(nameof(RillaClientOptions.MaxRetryAfter), $"RillaClientOptions.MaxRetryAfter must not be negative; got {options.MaxRetryAfter}."));
            }

            if (options.AttemptTimeout < TimeSpan.FromMilliseconds(10) || options.AttemptTimeout > TimeSpan.FromHours(24))
            {
                failures.Add(new Failure(nameof(RillaClientOptions.AttemptTimeout), $"RillaClientOptions.AttemptTimeout must be between 10 ms and 24 h; got {options.AttemptTimeout}."));
            }

            if (options.MaxConcurrency < 1 || options.MaxConcurrency > 64)
            {
                failures.Add(new Failure(nameof(RillaClientOptions.MaxConcurrency), $"RillaClientOptions.MaxConcurrency must be between 1 and 64; got {options.MaxConcurrency}."));
            }

            if (options.TimeProvider is null)
            {
                failures.Add(new Failure(nameof(RillaClientOptions.TimeProvider), "RillaClientOptions.TimeProvider must not be null."));
            }

            return failures;
        }

        private static void CheckPositive(List<Failure> failures, string field, TimeSpan value)
        {
            if (value <= TimeSpan.Zero)
            {
                failures.Add(new Failure(field, $"RillaClientOptions.{field} must be positive; got {value}."));
            }
        }

        // The messages never echo the key itself.
        private static string? DescribeKeyProblem(string? key)
        {
            if (string.IsNullOrEmpty(key))
            {
                return "RillaClientOptions.ApiKey is required: set it to the raw API key from your Rilla account manager.";
            }

            if (key!.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) || key.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
            {
                return "RillaClientOptions.ApiKey must be the raw API key with no 'Bearer ' or 'Basic ' prefix: Rilla expects 'Authorization: YOUR_API_KEY'.";
            }

            foreach (var c in key)
            {
                if (char.IsWhiteSpace(c) || char.IsControl(c))
                {
                    return "RillaClientOptions.ApiKey must not contain whitespace or control characters (check for a trailing newline or space).";
                }
            }

            return null;
        }

        private readonly struct Failure
        {
            public Failure(string field, string message)
            {
                Field = field;
                Message = message;
            }

            public string Field { get; }

            public string Message { get; }
        }
    }
}
