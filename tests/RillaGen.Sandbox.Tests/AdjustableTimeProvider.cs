namespace RillaGen.Sandbox.Tests;

/// <summary>A clock the test moves by hand, so expiry is tested without waiting.</summary>
internal sealed class AdjustableTimeProvider : TimeProvider
{
    public DateTimeOffset Now { get; set; } = DateTimeOffset.UtcNow;

    public override DateTimeOffset GetUtcNow() => Now;
}
