namespace RillaGen.Sandbox.Faults;

/// <summary>The fault injected into one response.</summary>
internal enum FaultKind
{
    None,
    ServerError,
    RateLimit,
    Abort,
    Truncate,
}
