using System.Threading.Channels;
using Microsoft.Extensions.Time.Testing;

namespace RillaGen.Client.Tests.Support;

/// <summary>
/// A fake clock that moves only when the code under test starts a timer: it then jumps straight to
/// that timer's due time. Retry delays and timeouts so run without real sleeping, and the clock
/// reads the same at every step on every run.
/// </summary>
internal sealed class DrivenTimeProvider : TimeProvider
{
    private readonly Channel<TimeSpan> _timers = Channel.CreateUnbounded<TimeSpan>();

    public FakeTimeProvider Fake { get; } = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));

    public override DateTimeOffset GetUtcNow() => Fake.GetUtcNow();

    public override long GetTimestamp() => Fake.GetTimestamp();

    public override long TimestampFrequency => Fake.TimestampFrequency;

    public override TimeZoneInfo LocalTimeZone => Fake.LocalTimeZone;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new SignalingTimer(Fake.CreateTimer(callback, state, dueTime, period), _timers.Writer);
        timer.Signal(dueTime);
        return timer;
    }

    /// <summary>Runs <paramref name="operation"/>, firing each timer it starts for which <paramref name="fire"/> says yes.</summary>
    public async Task<T> DriveAsync<T>(Task<T> operation, Func<TimeSpan, bool> fire)
    {
        var nextTimer = _timers.Reader.ReadAsync().AsTask();
        while (true)
        {
            // A real-time guard only against a hung test; nothing waits on it in a passing run.
            var first = await Task.WhenAny(operation, nextTimer).WaitAsync(TimeSpan.FromSeconds(60));
            if (first == operation)
            {
                return await operation;
            }

            var due = await nextTimer;
            nextTimer = _timers.Reader.ReadAsync().AsTask();
            if (fire(due))
            {
                Fake.Advance(due);
            }
        }
    }

    /// <summary>Reports a timer's due time when it is created and whenever it is changed (CancelAfter changes one).</summary>
    private sealed class SignalingTimer(ITimer inner, ChannelWriter<TimeSpan> timers) : ITimer
    {
        public void Signal(TimeSpan dueTime)
        {
            if (dueTime != Timeout.InfiniteTimeSpan)
            {
                timers.TryWrite(dueTime);
            }
        }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            var changed = inner.Change(dueTime, period);
            Signal(dueTime);
            return changed;
        }

        public void Dispose() => inner.Dispose();

        public ValueTask DisposeAsync() => inner.DisposeAsync();
    }
}
