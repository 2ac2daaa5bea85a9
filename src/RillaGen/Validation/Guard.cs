using System;

namespace RillaGen
{
    /// <summary>Argument checks that compile on netstandard2.0, which lacks ArgumentNullException.ThrowIfNull.</summary>
    internal static class Guard
    {
        internal static T NotNull<T>(T? value, string parameterName)
            where T : class =>
            value ?? throw new ArgumentNullException(parameterName);
    }
}
