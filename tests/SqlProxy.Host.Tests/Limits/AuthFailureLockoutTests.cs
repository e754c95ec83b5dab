using System.Net;
using Microsoft.Extensions.Logging.Abstractions;
using SqlProxy.Host.Configuration;
using SqlProxy.Host.Limits;

namespace SqlProxy.Host.Tests.Limits;

/// <summary>The lockout table on its own, over spans of time the HTTP tests cannot wait for.</summary>
public sealed class AuthFailureLockoutTests
{
    private static readonly IPAddress Client = IPAddress.Parse("192.0.2.7");
    private readonly ManualClock clock = new();

    private AuthFailureLockout Create(int tracked = 100) =>
        new(new LockoutConfig(3, 60, 30, 120, tracked), clock, NullLogger<AuthFailureLockout>.Instance);

    private static void Fail(AuthFailureLockout lockout, IPAddress client, int times)
    {
        for (var i = 0; i < times; i++) lockout.RecordFailure(client);
    }

    [Fact]
    public void Failures_spread_wider_than_the_window_never_lock()
    {
        var lockout = Create();
        for (var i = 0; i < 10; i++)
        {
            lockout.RecordFailure(Client);
            clock.Advance(TimeSpan.FromSeconds(31));
        }
        Assert.Null(lockout.LockedFor(Client));
    }

    [Fact]
    public void Lockouts_double_up_to_the_maximum_and_start_over_after_a_quiet_period()
    {
        var lockout = Create();
        var durations = new List<TimeSpan?>();
        for (var i = 0; i < 4; i++)
        {
            Fail(lockout, Client, 2);
            durations.Add(lockout.RecordFailure(Client));
            clock.Advance(durations[^1]!.Value + TimeSpan.FromSeconds(1));
        }
        Assert.Equal([30, 60, 120, 120], durations.Select(d => d!.Value.TotalSeconds));

        clock.Advance(TimeSpan.FromSeconds(121));
        Fail(lockout, Client, 2);
        Assert.Equal(TimeSpan.FromSeconds(30), lockout.RecordFailure(Client));
    }

    [Fact]
    public void The_lockout_expires_by_itself()
    {
        var lockout = Create();
        Fail(lockout, Client, 3);
        Assert.Equal(TimeSpan.FromSeconds(30), lockout.LockedFor(Client));
        clock.Advance(TimeSpan.FromSeconds(29));
        Assert.Equal(TimeSpan.FromSeconds(1), lockout.LockedFor(Client));
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Null(lockout.LockedFor(Client));
    }

    [Fact]
    public void IPv6_clients_count_by_their_64_prefix_and_mapped_IPv4_as_IPv4()
    {
        var lockout = Create();
        lockout.RecordFailure(IPAddress.Parse("2001:db8:1:2::1"));
        lockout.RecordFailure(IPAddress.Parse("2001:db8:1:2::ff"));
        lockout.RecordFailure(IPAddress.Parse("2001:db8:1:2:aaaa::3"));
        Assert.NotNull(lockout.LockedFor(IPAddress.Parse("2001:db8:1:2::9")));
        Assert.Null(lockout.LockedFor(IPAddress.Parse("2001:db8:1:3::1")));

        Fail(lockout, IPAddress.Parse("::ffff:192.0.2.7"), 3);
        Assert.NotNull(lockout.LockedFor(Client));
    }

    [Fact]
    public void The_table_is_bounded_and_idle_entries_make_room()
    {
        var lockout = Create(tracked: 100);
        for (var i = 0; i < 250; i++) lockout.RecordFailure(new IPAddress([10, 0, (byte)(i / 256), (byte)(i % 256)]));
        Assert.Equal(100, lockout.TrackedAddresses);

        // Past the window and the quiet period the old entries are idle: new addresses are tracked again.
        clock.Advance(TimeSpan.FromSeconds(121));
        Fail(lockout, Client, 3);
        Assert.NotNull(lockout.LockedFor(Client));
        Assert.Equal(1, lockout.TrackedAddresses);
    }

    [Fact]
    public void Off_when_the_threshold_is_zero()
    {
        var lockout = new AuthFailureLockout(LockoutConfig.Default with { FailuresBeforeLockout = 0 }, clock, NullLogger<AuthFailureLockout>.Instance);
        Fail(lockout, Client, 1000);
        Assert.Null(lockout.LockedFor(Client));
        Assert.Equal(0, lockout.TrackedAddresses);
    }
}
