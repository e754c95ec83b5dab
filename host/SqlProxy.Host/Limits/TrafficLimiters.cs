using SqlProxy.Host.Configuration;

namespace SqlProxy.Host.Limits;

/// <summary>The rate and concurrency limiters built from one <see cref="TrafficLimitsConfig"/>.</summary>
internal sealed record TrafficLimiterSet(TrafficLimitsConfig Limits, RequestRateLimiter Rates, UserConcurrencyLimiter Concurrency)
{
    public static TrafficLimiterSet Create(TrafficLimitsConfig limits) =>
        new(limits, new RequestRateLimiter(limits), new UserConcurrencyLimiter(limits.MaxConcurrentPerUser));
}

/// <summary>
/// The limiters in force. A configuration reload with other rates, bursts or concurrency builds a new set and swaps
/// it in; a request takes the set once, so it is judged by one configuration. The replaced sets are kept until
/// shutdown: the concurrency slots of requests still in flight are released into the limiter that gave them.
/// </summary>
internal sealed class TrafficLimiters(TrafficLimitsConfig initial) : IAsyncDisposable
{
    private readonly Lock gate = new();
    private readonly List<TrafficLimiterSet> replaced = [];
    private volatile TrafficLimiterSet current = TrafficLimiterSet.Create(initial);

    public TrafficLimiterSet Current => current;

    /// <summary>
    /// Builds limiters for <paramref name="limits"/> and puts them in force; the limiters in force stay (with the tokens
    /// they hold) when their rates, bursts and concurrency are the same. The lockout is not theirs.
    /// </summary>
    public void Rebuild(TrafficLimitsConfig limits)
    {
        lock (gate)
        {
            if (current.Limits with { Lockout = limits.Lockout } == limits) return;
            replaced.Add(current);
            current = TrafficLimiterSet.Create(limits);
        }
    }

    public async ValueTask DisposeAsync()
    {
        TrafficLimiterSet[] all;
        lock (gate) all = [.. replaced, current];
        foreach (var set in all)
        {
            await set.Rates.DisposeAsync();
            await set.Concurrency.DisposeAsync();
        }
    }
}
