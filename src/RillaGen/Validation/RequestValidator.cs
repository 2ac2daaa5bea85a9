using System;
using System.Collections.Generic;
using System.ComponentModel.DataAnnotations;
using System.Net.Mail;
using System.Reflection;

namespace RillaGen
{
    /// <summary>
    /// Checks request bodies before they are sent, so a bad field fails fast with an
    /// <see cref="ArgumentException"/> naming it instead of a 400 from the server. Bounds come from the
    /// generated [Range] attributes, so they follow the spec.
    /// </summary>
    internal static class RequestValidator
    {
        private static readonly RangeAttribute PageRange = RangeOf(nameof(ExportConversationsRequest.Page));
        private static readonly RangeAttribute LimitRange = RangeOf(nameof(ExportConversationsRequest.Limit));

        internal static int MinPage => Convert.ToInt32(PageRange.Minimum, System.Globalization.CultureInfo.InvariantCulture);

        internal static void Validate(object request)
        {
            switch (request)
            {
                case ExportConversationsRequest conversations:
                    Validate(conversations);
                    break;
                case ExportTeamsRequest teams:
                    CheckDates(nameof(ExportTeamsRequest), teams.FromDate, teams.ToDate);
                    break;
                case ExportUsersRequest users:
                    CheckDates(nameof(ExportUsersRequest), users.FromDate, users.ToDate);
                    CheckEmails(nameof(ExportUsersRequest), users.Users);
                    break;
            }
        }

        internal static void Validate(ExportConversationsRequest request)
        {
            Guard.NotNull(request, nameof(request));
            CheckDates(nameof(ExportConversationsRequest), request.FromDate, request.ToDate);
            CheckRange(nameof(ExportConversationsRequest.Page), request.Page, PageRange);
            CheckRange(nameof(ExportConversationsRequest.Limit), request.Limit, LimitRange);
            CheckEmails(nameof(ExportConversationsRequest), request.Users);
        }

        internal static void ValidateConversationId(Guid conversationId)
        {
            if (conversationId == Guid.Empty)
            {
                throw new ArgumentException("conversationId must not be Guid.Empty: pass the ID of an existing conversation.", nameof(conversationId));
            }
        }

        private static void CheckDates(string type, DateTimeOffset from, DateTimeOffset to)
        {
            if (from == default)
            {
                throw new ArgumentException($"{type}.FromDate is required: set the beginning of the time range.", type + ".FromDate");
            }

            if (to == default)
            {
                throw new ArgumentException($"{type}.ToDate is required: set the end of the time range.", type + ".ToDate");
            }

            if (from > to)
            {
                throw new ArgumentException($"{type}.FromDate ({from:O}) must not be after ToDate ({to:O}).", type + ".FromDate");
            }
        }

        private static void CheckRange(string field, int? value, RangeAttribute range)
        {
            // Null means "use the server default", which is always in range.
            if (value is not null && !range.IsValid(value.Value))
            {
                var max = Convert.ToInt32(range.Maximum, System.Globalization.CultureInfo.InvariantCulture);
                var bound = max == int.MaxValue ? $"at least {range.Minimum}" : $"between {range.Minimum} and {range.Maximum}";
                throw new ArgumentOutOfRangeException("ExportConversationsRequest." + field, value.Value, $"ExportConversationsRequest.{field} must be {bound}; got {value.Value}.");
            }
        }

        private static void CheckEmails(string type, IEnumerable<string>? emails)
        {
            if (emails is null)
            {
                return;
            }

            var index = 0;
            foreach (var email in emails)
            {
                if (!IsEmail(email))
                {
                    throw new ArgumentException($"{type}.Users[{index}] is not a valid email address: '{email}'.", type + ".Users");
                }

                index++;
            }
        }

        private static bool IsEmail(string? value)
        {
            if (string.IsNullOrWhiteSpace(value) || value!.Trim() != value)
            {
                return false;
            }

            try
            {
                // MailAddress accepts display-name forms such as "Jane <j@x.com>"; require the bare address.
                var address = new MailAddress(value);
                return address.Address == value && address.Host.Length > 0;
            }
            catch (FormatException)
            {
                return false;
            }
        }

        private static RangeAttribute RangeOf(string property) =>
            typeof(ExportConversationsRequest).GetProperty(property)!.GetCustomAttribute<RangeAttribute>()
            ?? throw new InvalidOperationException($"The generated ExportConversationsRequest.{property} has no [Range] attribute; check the spec.");
    }
}
