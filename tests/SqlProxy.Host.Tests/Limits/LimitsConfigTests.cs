using System.Net;
using SqlProxy.Host.Configuration;
using SqlProxy.Host.Tests.ConfigurationFiles;

namespace SqlProxy.Host.Tests.Limits;

/// <summary>The traffic, breaker, admin, allow-list and shutdown settings: defaults when absent, and errors that name their key.</summary>
public sealed class LimitsConfigTests : IDisposable
{
    private readonly ConfigFiles files = new();

    public void Dispose() => files.Dispose();

    [Fact]
    public void Absent_settings_take_defaults_that_limit_nothing_but_failed_logins()
    {
        files.Write("sqlproxy.toml", ConfigFiles.Minimal);
        var config = files.Load();

        var traffic = config.Limits.Traffic;
        Assert.Equal(0, traffic.RequestsPerSecondPerUser);
        Assert.Equal(0, traffic.RequestsPerSecond);
        Assert.Equal(0, traffic.MaxConcurrentPerUser);
        Assert.Equal(LockoutConfig.Default, traffic.Lockout);
        Assert.Equal(BreakerConfig.Default, config.Databases[0].Breaker);
        Assert.Null(config.Admin.TokenSha256);
        Assert.Null(config.Users[0].AllowedNetworks);
        Assert.Equal(30, config.Server.ShutdownTimeoutSeconds);
    }

    [Fact]
    public void Every_setting_is_read()
    {
        files.Write("sqlproxy.toml", ConfigFiles.Minimal
            .Replace("name = \"alice\"", "name = \"alice\"\nallowed_networks = [\"10.0.0.0/8\", \"::1/128\"]")
            .Replace("name = \"main\"", "name = \"main\"\nbreaker_failure_ratio = 0.25\nbreaker_minimum_throughput = 3\nbreaker_break_seconds = 7\nbreaker_sampling_seconds = 9") + """

            [server]
            shutdown_timeout_seconds = 12

            [limits]
            requests_per_second_per_user = 0.5
            requests_per_second = 200
            burst = 50
            max_concurrent_per_user = 4
            auth_failures_before_lockout = 5
            auth_failure_window_seconds = 20
            lockout_seconds = 2
            max_lockout_seconds = 16
            lockout_tracked_addresses = 1000

            [admin]
            token_sha256 = "68e165189eece84384b6e0c91c4623db6e284e3ccf1e11c376323678b30907d5"
            """);
        var config = files.Load();

        Assert.Equal(new TrafficLimitsConfig(0.5, 1, 200, 50, 4, new LockoutConfig(5, 20, 2, 16, 1000)), config.Limits.Traffic);
        Assert.Equal(new BreakerConfig(0.25, 3, 7, 9), config.Databases[0].Breaker);
        Assert.Equal(12, config.Server.ShutdownTimeoutSeconds);
        Assert.Equal("68e165189eece84384b6e0c91c4623db6e284e3ccf1e11c376323678b30907d5", Convert.ToHexStringLower(config.Admin.TokenSha256!));
        Assert.Equal([IPNetwork.Parse("10.0.0.0/8"), IPNetwork.Parse("::1/128")], config.Users[0].AllowedNetworks!);
    }

    [Fact]
    public void Bad_values_are_reported_under_their_keys()
    {
        files.Write("sqlproxy.toml", ConfigFiles.Minimal
            .Replace("name = \"alice\"", "name = \"alice\"\nallowed_networks = [\"10.0.0.0/8\", \"10.0.0.1/8\", \"banana\", \"10.1.2.3\"]")
            .Replace("name = \"main\"", "name = \"main\"\nbreaker_failure_ratio = 1.5\nbreaker_minimum_throughput = 1") + """

            [server]
            shutdown_timeout_seconds = 0

            [limits]
            requests_per_second_per_user = "fast"
            burst_per_user = 0
            lockout_seconds = 60
            max_lockout_seconds = 30

            [admin]
            token_sha256 = "sk-admin-token-demo"
            """);
        var errors = files.Errors();

        Assert.Contains(errors, e => e.StartsWith("users[0].allowed_networks[1]: `10.0.0.1/8` is not a network in CIDR notation", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("users[0].allowed_networks[2]: `banana`", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("users[0].allowed_networks[3]: `10.1.2.3`", StringComparison.Ordinal));
        Assert.DoesNotContain(errors, e => e.StartsWith("users[0].allowed_networks[0]", StringComparison.Ordinal));
        Assert.Contains("databases[0].breaker_failure_ratio: must be between 0.01 and 1", errors);
        Assert.Contains("databases[0].breaker_minimum_throughput: must be between 2 and 1000000", errors);
        Assert.Contains("server.shutdown_timeout_seconds: must be between 1 and 600", errors);
        Assert.Contains("limits.requests_per_second_per_user: must be a number", errors);
        Assert.Contains("limits.burst_per_user: must be between 1 and 10000000", errors);
        Assert.Contains("limits.max_lockout_seconds: must be at least `lockout_seconds` (60)", errors);
        Assert.Contains(errors, e => e.StartsWith("admin.token_sha256: must be 64 hexadecimal characters", StringComparison.Ordinal));
    }

    [Fact]
    public void An_empty_allow_list_is_an_error_not_a_lockout()
    {
        files.Write("sqlproxy.toml", ConfigFiles.Minimal.Replace("name = \"alice\"", "name = \"alice\"\nallowed_networks = []"));
        Assert.Contains(files.Errors(), e => e.StartsWith("users[0].allowed_networks: name at least one network", StringComparison.Ordinal));
    }
}
