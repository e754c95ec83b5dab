namespace SqlProxy.Host.Configuration;

/// <summary>
/// What differs between two configurations, by key as written in <c>sqlproxy.toml</c>: the live parts a reload applies
/// (<c>users</c>, <c>admin</c>, the traffic keys of <c>[limits]</c>), and the other keys, which need a restart.
/// </summary>
internal static class ConfigChanges
{
    private static readonly (string Key, Func<TrafficLimitsConfig, object> Value)[] TrafficKeys =
    [
        ("limits.requests_per_second_per_user", t => t.RequestsPerSecondPerUser),
        ("limits.burst_per_user", t => t.BurstPerUser),
        ("limits.requests_per_second", t => t.RequestsPerSecond),
        ("limits.burst", t => t.Burst),
        ("limits.max_concurrent_per_user", t => t.MaxConcurrentPerUser),
        ("limits.auth_failures_before_lockout", t => t.Lockout.FailuresBeforeLockout),
        ("limits.auth_failure_window_seconds", t => t.Lockout.FailureWindowSeconds),
        ("limits.lockout_seconds", t => t.Lockout.LockoutSeconds),
        ("limits.max_lockout_seconds", t => t.Lockout.MaxLockoutSeconds),
        ("limits.lockout_tracked_addresses", t => t.Lockout.TrackedAddresses),
    ];

    private static readonly (string Key, Func<ProxyConfig, object?> Value)[] RestartKeys =
    [
        ("server.listen", c => c.Server.Listen),
        ("server.trust_user_field", c => c.Server.TrustUserField),
        ("server.max_body_bytes", c => c.Server.MaxBodyBytes),
        ("server.log_format", c => c.Server.LogFormat),
        ("server.shutdown_timeout_seconds", c => c.Server.ShutdownTimeoutSeconds),
        ("limits.max_sql_bytes", c => c.Limits.MaxSqlBytes),
        ("limits.max_parse_depth", c => c.Limits.MaxParseDepth),
        ("limits.parse_cache_entries", c => c.Limits.ParseCacheEntries),
        ("rules.paths", c => string.Join('\n', c.Rules.Paths)),
        ("rules.watch", c => c.Rules.Watch),
        ("audit.queue_capacity", c => c.Audit.QueueCapacity),
        ("audit.sink_timeout_ms", c => c.Audit.SinkTimeoutMs),
        ("audit.spill_directory", c => c.Audit.SpillDirectory),
        ("audit.spill_after_attempts", c => c.Audit.SpillAfterAttempts),
        ("audit.when_full", c => c.Audit.RejectWhenFull),
        ("plugins.builtin", c => c.Plugins.BuiltInDirectory),
        ("plugins.directory", c => c.Plugins.Directory),
        ("plugins.watch", c => c.Plugins.Watch),
        ("plugins.call_timeout_ms", c => c.Plugins.CallTimeoutMs),
        ("classification.sample_rows", c => c.Classification.SampleRows),
    ];

    private static readonly (string Key, Func<DatabaseConfig, object?> Value)[] DatabaseKeys =
    [
        ("connection_string", d => d.ConnectionString),
        ("statement_timeout_ms", d => d.StatementTimeoutMs),
        ("max_rows", d => d.MaxRows),
        ("max_pool_size", d => d.MaxPoolSize),
        ("schema_refresh_seconds", d => d.SchemaRefreshSeconds),
        ("breaker_failure_ratio", d => (d.Breaker ?? BreakerConfig.Default).FailureRatio),
        ("breaker_minimum_throughput", d => (d.Breaker ?? BreakerConfig.Default).MinimumThroughput),
        ("breaker_break_seconds", d => (d.Breaker ?? BreakerConfig.Default).BreakSeconds),
        ("breaker_sampling_seconds", d => (d.Breaker ?? BreakerConfig.Default).SamplingSeconds),
    ];

    /// <summary>The live sections and keys that differ: <c>users</c>, <c>admin</c>, <c>limits.&lt;traffic key&gt;</c>.</summary>
    public static IReadOnlyList<string> Live(LiveSettings old, LiveSettings next)
    {
        var changed = new List<string>();
        if (!SameUsers(old.Users, next.Users)) changed.Add("users");
        if (!SameBytes(old.Admin.TokenSha256, next.Admin.TokenSha256)) changed.Add("admin");
        changed.AddRange(TrafficKeys.Where(k => !Equals(k.Value(old.Traffic), k.Value(next.Traffic))).Select(k => k.Key));
        return changed;
    }

    /// <summary>The keys that differ and take effect only at the next start.</summary>
    public static IReadOnlyList<string> RestartRequired(ProxyConfig old, ProxyConfig next)
    {
        var changed = RestartKeys.Where(k => !Equals(k.Value(old), k.Value(next))).Select(k => k.Key).ToList();
        changed.AddRange(Databases(old.Databases, next.Databases));
        var plugins = old.Plugins.Settings.Keys.Union(next.Plugins.Settings.Keys).Order(StringComparer.Ordinal);
        changed.AddRange(plugins.Where(name => old.Plugins.SettingsFor(name) != next.Plugins.SettingsFor(name)).Select(name => $"plugins.{name}"));
        return changed;
    }

    /// <summary>Each changed key of a database kept in place (<c>databases[0].max_rows</c>); <c>databases</c> when entries were added, removed or renamed.</summary>
    private static IEnumerable<string> Databases(IReadOnlyList<DatabaseConfig> old, IReadOnlyList<DatabaseConfig> next)
    {
        if (!old.Select(d => d.Name).SequenceEqual(next.Select(d => d.Name))) return ["databases"];
        return old.Zip(next).SelectMany((pair, index) => DatabaseKeys
            .Where(k => !Equals(k.Value(pair.First), k.Value(pair.Second)))
            .Select(k => $"databases[{index}].{k.Key}"));
    }

    private static bool SameUsers(IReadOnlyList<UserConfig> old, IReadOnlyList<UserConfig> next) =>
        old.Count == next.Count && old.Zip(next).All(pair => SameUser(pair.First, pair.Second));

    private static bool SameUser(UserConfig a, UserConfig b) =>
        a.Name == b.Name
        && SameBytes(a.ApiKeySha256, b.ApiKeySha256)
        && a.Roles.SequenceEqual(b.Roles)
        && a.Attributes.Count == b.Attributes.Count
        && a.Attributes.All(attribute => b.Attributes.TryGetValue(attribute.Key, out var value) && value == attribute.Value)
        && (a.AllowedNetworks is null ? b.AllowedNetworks is null : b.AllowedNetworks is not null && a.AllowedNetworks.SequenceEqual(b.AllowedNetworks));

    private static bool SameBytes(byte[]? a, byte[]? b) => a is null ? b is null : b is not null && a.AsSpan().SequenceEqual(b);
}
