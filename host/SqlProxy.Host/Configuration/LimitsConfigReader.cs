namespace SqlProxy.Host.Configuration;

/// <summary>How much traffic one client may send: request rates, concurrent statements, and the lockout after failed authentications.</summary>
/// <param name="RequestsPerSecondPerUser">Sustained query requests per second of one user; 0 = no limit.</param>
/// <param name="BurstPerUser">Requests one user may send at once before the rate applies.</param>
/// <param name="RequestsPerSecond">Sustained query requests per second of all users together; 0 = no limit.</param>
/// <param name="Burst">Requests all users may send at once before the global rate applies.</param>
/// <param name="MaxConcurrentPerUser">Query requests of one user in flight at once; 0 = no limit.</param>
public sealed record TrafficLimitsConfig(
    double RequestsPerSecondPerUser,
    int BurstPerUser,
    double RequestsPerSecond,
    int Burst,
    int MaxConcurrentPerUser,
    LockoutConfig Lockout)
{
    /// <summary>No rate or concurrency limit, the default lockout.</summary>
    public static TrafficLimitsConfig Default { get; } = new(0, 1, 0, 1, 0, LockoutConfig.Default);
}

/// <param name="FailuresBeforeLockout">Failed authentications from one address within the window that lock it; 0 = never.</param>
/// <param name="FailureWindowSeconds">How long failures are counted together.</param>
/// <param name="LockoutSeconds">The first lockout; each further one doubles it.</param>
/// <param name="MaxLockoutSeconds">The longest lockout; also the quiet time (no failure) after which the doubling starts over.</param>
/// <param name="TrackedAddresses">The most addresses remembered at once (memory bound).</param>
public sealed record LockoutConfig(int FailuresBeforeLockout, int FailureWindowSeconds, int LockoutSeconds, int MaxLockoutSeconds, int TrackedAddresses)
{
    /// <summary>10 failures within 60 s lock an address for 30 s, doubling up to an hour.</summary>
    public static LockoutConfig Default { get; } = new(10, 60, 30, 3600, 100_000);
}

/// <summary>Reads the traffic keys of <c>[limits]</c>; the caller reads the analysis keys and rejects unknown ones.</summary>
internal static class LimitsConfigReader
{
    public static TrafficLimitsConfig Read(TomlSection section)
    {
        var perUser = TomlNumber.Read(section, "requests_per_second_per_user", 0, 0, 1_000_000);
        var global = TomlNumber.Read(section, "requests_per_second", 0, 0, 10_000_000);
        var defaults = LockoutConfig.Default;
        var lockout = new LockoutConfig(
            (int)section.Integer("auth_failures_before_lockout", defaults.FailuresBeforeLockout, 0, 1_000_000),
            (int)section.Integer("auth_failure_window_seconds", defaults.FailureWindowSeconds, 1, 86_400),
            (int)section.Integer("lockout_seconds", defaults.LockoutSeconds, 1, 86_400),
            (int)section.Integer("max_lockout_seconds", defaults.MaxLockoutSeconds, 1, 7 * 86_400),
            (int)section.Integer("lockout_tracked_addresses", defaults.TrackedAddresses, 100, 10_000_000));
        if (lockout.MaxLockoutSeconds < lockout.LockoutSeconds)
            section.Errors.Add(section.KeyOf("max_lockout_seconds"), $"must be at least `lockout_seconds` ({lockout.LockoutSeconds})");
        return new TrafficLimitsConfig(
            perUser,
            (int)section.Integer("burst_per_user", DefaultBurst(perUser), 1, 10_000_000),
            global,
            (int)section.Integer("burst", DefaultBurst(global), 1, 100_000_000),
            (int)section.Integer("max_concurrent_per_user", 0, 0, 100_000),
            lockout);
    }

    /// <summary>One second's worth of requests, at least one.</summary>
    private static long DefaultBurst(double rate) => Math.Max(1, (long)Math.Ceiling(rate));
}
