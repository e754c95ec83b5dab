using System.Net;
using Microsoft.Extensions.Logging.Abstractions;
using SqlProxy.Host.Configuration;
using SqlProxy.Host.Limits;

namespace SqlProxy.Host.Tests.Limits;

/// <summary>What a configuration reload does to the limiters in force: new values apply, state that must survive does.</summary>
public sealed class LimitsReloadTests
{
    private static readonly TrafficLimitsConfig OnePerUser = TrafficLimitsConfig.Default with { MaxConcurrentPerUser = 1 };

    [Fact]
    public async Task A_slot_taken_before_a_rebuild_is_released_into_its_own_limiter_and_the_new_limit_applies()
    {
        await using var limiters = new TrafficLimiters(OnePerUser);
        var before = limiters.Current;
        var slot = before.Concurrency.TryEnter("alice");
        Assert.NotNull(slot);
        Assert.Null(before.Concurrency.TryEnter("alice"));

        limiters.Rebuild(OnePerUser with { MaxConcurrentPerUser = 2 });

        Assert.NotSame(before, limiters.Current);
        using var first = limiters.Current.Concurrency.TryEnter("alice");
        using var second = limiters.Current.Concurrency.TryEnter("alice");
        Assert.NotNull(first);
        Assert.NotNull(second);
        Assert.Null(limiters.Current.Concurrency.TryEnter("alice"));
        // The request that took the old slot ends: its slot goes back to the old limiter, which is still alive.
        slot.Dispose();
        using var again = before.Concurrency.TryEnter("alice");
        Assert.NotNull(again);
    }

    [Fact]
    public async Task Unchanged_rates_and_concurrency_keep_the_limiters_and_their_tokens()
    {
        var limits = TrafficLimitsConfig.Default with { RequestsPerSecondPerUser = 0.01, BurstPerUser = 1 };
        await using var limiters = new TrafficLimiters(limits);
        var before = limiters.Current;
        Assert.Null(before.Rates.TryAcquire("alice"));

        limiters.Rebuild(limits with { Lockout = limits.Lockout with { LockoutSeconds = 5 } });

        Assert.Same(before, limiters.Current);
        Assert.NotNull(limiters.Current.Rates.TryAcquire("alice"));
    }

    [Fact]
    public void A_reconfigured_lockout_keeps_the_addresses_it_counted()
    {
        var client = IPAddress.Parse("192.0.2.9");
        var lockout = new AuthFailureLockout(new LockoutConfig(5, 60, 30, 120, 100), new ManualClock(), NullLogger<AuthFailureLockout>.Instance);
        lockout.RecordFailure(client);
        lockout.RecordFailure(client);

        lockout.Reconfigure(new LockoutConfig(3, 60, 30, 120, 100));

        Assert.Null(lockout.LockedFor(client));
        Assert.Equal(TimeSpan.FromSeconds(30), lockout.RecordFailure(client));
        Assert.NotNull(lockout.LockedFor(client));
    }
}
