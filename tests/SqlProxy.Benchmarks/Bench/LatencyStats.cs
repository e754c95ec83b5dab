using System.Diagnostics;

namespace SqlProxy.Benchmarks.Bench;

/// <summary>The outcome of one scenario in a load run: counts and latency percentiles.</summary>
internal sealed record LatencyStats(string Name, long Requests, long Errors, double Seconds, double P50Ms, double P99Ms)
{
    public double PerSecond => Requests / Seconds;

    /// <param name="latencies">Stopwatch ticks of every request, in any order; sorted here.</param>
    public static LatencyStats From(string name, List<long> latencies, long errors, double seconds)
    {
        latencies.Sort();
        return new LatencyStats(name, latencies.Count, errors, seconds, Percentile(latencies, 0.50), Percentile(latencies, 0.99));
    }

    private static double Percentile(List<long> sorted, double p)
    {
        if (sorted.Count == 0) return double.NaN;
        var index = (int)Math.Ceiling(p * sorted.Count) - 1;
        return sorted[Math.Clamp(index, 0, sorted.Count - 1)] * 1000.0 / Stopwatch.Frequency;
    }
}

/// <summary>A whole load run: each scenario, and all of them together.</summary>
internal sealed record LoadResult(string Target, int Clients, IReadOnlyList<LatencyStats> Scenarios, LatencyStats Total, IReadOnlyList<string> ErrorSamples);
