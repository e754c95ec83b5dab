using System.Net;
using SqlProxy.Host.Configuration;

namespace SqlProxy.Host.Limits;

/// <summary>
/// Locks out a client address after repeated failed authentications: <see cref="LockoutConfig.FailuresBeforeLockout"/>
/// failures within the window lock it for <see cref="LockoutConfig.LockoutSeconds"/>, each further lockout twice as
/// long up to <see cref="LockoutConfig.MaxLockoutSeconds"/>. A success clears the failure count; the doubling starts
/// over only after a quiet period as long as the longest lockout. IPv6 clients are counted by their /64, which one
/// client usually holds whole. The table is bounded: idle entries expire, and when it is full of live ones a new address
/// is not tracked (and logged) rather than growing without end. A configuration reload changes the settings in place
/// (<see cref="Reconfigure"/>): the addresses already counted or locked stay so.
/// </summary>
internal sealed class AuthFailureLockout(LockoutConfig config, TimeProvider time, ILogger<AuthFailureLockout> logger)
{
    private volatile LockoutConfig config = config;
    private readonly Dictionary<string, Entry> entries = new(StringComparer.Ordinal);
    private readonly Lock gate = new();
    private DateTimeOffset lastFullWarning = DateTimeOffset.MinValue;

    private sealed class Entry
    {
        public int Failures;
        public DateTimeOffset WindowStart;
        public DateTimeOffset LastFailure;
        public int Lockouts;
        public DateTimeOffset LockedUntil;

        /// <summary>The last failure, or the end of the lockout when that is later: the quiet period counts from here.</summary>
        public DateTimeOffset LastActivity => LastFailure > LockedUntil ? LastFailure : LockedUntil;
    }

    public bool Enabled => config.FailuresBeforeLockout > 0;

    /// <summary>The settings in force from now on; lockouts already started run to their end.</summary>
    public void Reconfigure(LockoutConfig next) => config = next;

    /// <summary>The entries held now (for tests of the memory bound).</summary>
    public int TrackedAddresses
    {
        get { lock (gate) return entries.Count; }
    }

    /// <returns>How long the address stays locked; null when it is not locked.</returns>
    public TimeSpan? LockedFor(IPAddress? client)
    {
        if (!Enabled || client is null) return null;
        var now = time.GetUtcNow();
        lock (gate)
        {
            return entries.TryGetValue(KeyOf(client), out var entry) && entry.LockedUntil > now ? entry.LockedUntil - now : null;
        }
    }

    /// <summary>Counts a wrong credential from <paramref name="client"/>.</summary>
    /// <returns>The lockout this failure started, or null.</returns>
    public TimeSpan? RecordFailure(IPAddress? client)
    {
        if (!Enabled || client is null) return null;
        var now = time.GetUtcNow();
        var key = KeyOf(client);
        lock (gate)
        {
            if (!entries.TryGetValue(key, out var entry))
            {
                if (!MakeRoom(now)) return null;
                entry = new Entry { WindowStart = now };
                entries[key] = entry;
            }
            if (now - entry.LastActivity > QuietPeriod) entry.Lockouts = 0;
            if (now - entry.WindowStart > Window) (entry.Failures, entry.WindowStart) = (0, now);
            entry.LastFailure = now;
            if (++entry.Failures < config.FailuresBeforeLockout) return null;

            var duration = LockoutDuration(++entry.Lockouts);
            (entry.Failures, entry.WindowStart, entry.LockedUntil) = (0, now, now + duration);
            logger.LogWarning("Address {Address} is locked out for {Seconds} s after {Failures} failed authentications (lockout {Count})",
                key, duration.TotalSeconds, config.FailuresBeforeLockout, entry.Lockouts);
            return duration;
        }
    }

    /// <summary>A good credential from <paramref name="client"/>: its failure count starts over (the escalation level stays).</summary>
    public void RecordSuccess(IPAddress? client)
    {
        if (!Enabled || client is null) return;
        lock (gate)
        {
            if (entries.TryGetValue(KeyOf(client), out var entry)) entry.Failures = 0;
        }
    }

    private TimeSpan Window => TimeSpan.FromSeconds(config.FailureWindowSeconds);

    private TimeSpan QuietPeriod => TimeSpan.FromSeconds(config.MaxLockoutSeconds);

    private TimeSpan LockoutDuration(int lockouts)
    {
        var seconds = config.LockoutSeconds * Math.Pow(2, Math.Min(lockouts - 1, 30));
        return TimeSpan.FromSeconds(Math.Min(seconds, config.MaxLockoutSeconds));
    }

    /// <summary>Drops expired entries when the table is full; false when it is still full of live ones.</summary>
    private bool MakeRoom(DateTimeOffset now)
    {
        if (entries.Count < config.TrackedAddresses) return true;
        foreach (var (key, entry) in entries.ToArray())
        {
            var expired = now - entry.LastActivity > Window && now - entry.LastActivity > QuietPeriod;
            if (expired) entries.Remove(key);
        }
        if (entries.Count < config.TrackedAddresses) return true;
        if (now - lastFullWarning > TimeSpan.FromMinutes(1))
        {
            lastFullWarning = now;
            logger.LogWarning("The lockout table is full ({Count} addresses): failed authentications from new addresses are not counted until entries expire", entries.Count);
        }
        return false;
    }

    /// <summary>The address, or for IPv6 its /64 prefix; IPv4-mapped IPv6 addresses count as IPv4.</summary>
    public static string KeyOf(IPAddress client)
    {
        var address = client.IsIPv4MappedToIPv6 ? client.MapToIPv4() : client;
        if (address.AddressFamily != System.Net.Sockets.AddressFamily.InterNetworkV6 || IPAddress.IsLoopback(address)) return address.ToString();
        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }
}
