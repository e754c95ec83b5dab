namespace SqlProxy.Host.Configuration;

/// <summary>When a database's circuit breaker opens: enough of the recent requests failed because the database was unreachable or broken.</summary>
/// <param name="FailureRatio">Share of failed requests within the sampling window that opens the breaker (0 &lt; ratio ≤ 1).</param>
/// <param name="MinimumThroughput">Requests within the window before the ratio is judged at all.</param>
/// <param name="BreakSeconds">How long an open breaker answers 503 before it lets one probe request through.</param>
/// <param name="SamplingSeconds">The window the ratio is computed over.</param>
public sealed record BreakerConfig(double FailureRatio, int MinimumThroughput, int BreakSeconds, int SamplingSeconds)
{
    /// <summary>Half of at least 5 requests within 30 s failing opens it for 10 s.</summary>
    public static BreakerConfig Default { get; } = new(0.5, 5, 10, 30);
}

/// <summary>Reads the <c>breaker_*</c> keys of one <c>[[databases]]</c> entry.</summary>
internal static class BreakerConfigReader
{
    public static BreakerConfig Read(TomlSection section)
    {
        var defaults = BreakerConfig.Default;
        var ratio = TomlNumber.Read(section, "breaker_failure_ratio", defaults.FailureRatio, 0.01, 1);
        return new BreakerConfig(
            ratio,
            (int)section.Integer("breaker_minimum_throughput", defaults.MinimumThroughput, 2, 1_000_000),
            (int)section.Integer("breaker_break_seconds", defaults.BreakSeconds, 1, 86_400),
            (int)section.Integer("breaker_sampling_seconds", defaults.SamplingSeconds, 1, 86_400));
    }
}
