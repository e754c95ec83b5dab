namespace SqlProxy.Host.Plugins;

/// <summary>
/// A counting signal for the plugin threads: one permit per queued call. Unlike <see cref="SemaphoreSlim"/> a waiting
/// thread does not spin before it sleeps: with a few idle plugin threads on two cores, that spinning took more CPU than
/// the plugin calls themselves.
/// </summary>
internal sealed class WorkSignal
{
    private readonly object gate = new();
    private int permits;
    private int sleepers;

    /// <summary>Adds <paramref name="count"/> permits and wakes as many sleeping threads.</summary>
    public void Release(int count = 1)
    {
        lock (gate)
        {
            permits += count;
            for (var woken = 0; woken < Math.Min(count, sleepers); woken++) Monitor.Pulse(gate);
        }
    }

    /// <summary>Takes a permit, sleeping up to <paramref name="timeout"/> for one.</summary>
    /// <returns>False when none came in time.</returns>
    public bool Wait(TimeSpan timeout)
    {
        var deadline = Environment.TickCount64 + (long)timeout.TotalMilliseconds;
        lock (gate)
        {
            while (permits == 0)
            {
                var remaining = deadline - Environment.TickCount64;
                if (remaining <= 0) return false;
                sleepers++;
                try
                {
                    Monitor.Wait(gate, (int)Math.Min(remaining, int.MaxValue));
                }
                finally
                {
                    sleepers--;
                }
            }
            permits--;
            return true;
        }
    }
}
