namespace RillaGen.Package.Tests.Infrastructure;

/// <summary>Starts the sandbox API in the test process, on a free loopback port, when the repository has it.</summary>
internal static class SandboxHost
{
    /// <summary>The sandbox's default organization key.</summary>
    public const string ApiKey = "demo-key";

#if RILLA_SANDBOX
    public static bool IsAvailable => true;

    public static async Task<T> WithSandboxAsync<T>(Func<Uri, Task<T>> use)
    {
        // A small data set: these tests check the wiring, not the volume.
        await using var sandbox = await RillaGen.Sandbox.RillaSandbox.StartAsync(new RillaGen.Sandbox.RillaSandboxOptions { ConversationCount = 200 });
        return await use(sandbox.BaseAddress);
    }
#else
    public static bool IsAvailable => false;

    public static Task<T> WithSandboxAsync<T>(Func<Uri, Task<T>> use) =>
        throw new InvalidOperationException(RepoPaths.NoSandboxMessage);
#endif
}
