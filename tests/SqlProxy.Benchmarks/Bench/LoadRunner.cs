using System.Collections.Concurrent;
using System.Diagnostics;

namespace SqlProxy.Benchmarks.Bench;

/// <summary>
/// A closed-loop load: <c>clients</c> concurrent callers, each sending the mix's scenarios in turn (each starting at a
/// different one), back to back, for a warm-up that is not counted and then for the measured duration. A request that
/// throws or gets the wrong answer counts as an error; its latency is still recorded.
/// </summary>
internal static class LoadRunner
{
    public static async Task<LoadResult> RunAsync(string target, IReadOnlyList<LoadScenario> mix, int clients, TimeSpan warmUp, TimeSpan duration)
    {
        await RunPhaseAsync(mix, clients, warmUp, record: false);
        var (latencies, errors, samples, seconds) = await RunPhaseAsync(mix, clients, duration, record: true);
        return Summarise(target, mix, clients, latencies, errors, samples, seconds);
    }

    private static async Task<(List<long>[] Latencies, long[] Errors, ConcurrentQueue<string> Samples, double Seconds)> RunPhaseAsync(
        IReadOnlyList<LoadScenario> mix, int clients, TimeSpan duration, bool record)
    {
        var latencies = mix.Select(_ => new List<long>()).ToArray();
        var errors = new long[mix.Count];
        var samples = new ConcurrentQueue<string>();
        using var stop = new CancellationTokenSource(duration);
        var started = Stopwatch.GetTimestamp();
        var workers = Enumerable.Range(0, clients).Select(client => Task.Run(async () =>
        {
            // Each client keeps its own lists, merged at the end: no lock on the measured path.
            var mine = mix.Select(_ => new List<long>(4096)).ToArray();
            for (var turn = client; !stop.IsCancellationRequested; turn++)
            {
                var index = turn % mix.Count;
                var sent = Stopwatch.GetTimestamp();
                string? problem;
                try
                {
                    problem = await mix[index].Send(CancellationToken.None);
                }
                catch (Exception e)
                {
                    problem = $"{e.GetType().Name}: {e.Message}";
                }
                mine[index].Add(Stopwatch.GetTimestamp() - sent);
                if (problem is not null && record)
                {
                    Interlocked.Increment(ref errors[index]);
                    if (samples.Count < 5) samples.Enqueue($"{mix[index].Name}: {problem}");
                }
            }
            return mine;
        })).ToArray();
        var results = await Task.WhenAll(workers);
        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        for (var s = 0; s < mix.Count; s++)
            foreach (var client in results) latencies[s].AddRange(client[s]);
        return (latencies, errors, samples, seconds);
    }

    private static LoadResult Summarise(
        string target, IReadOnlyList<LoadScenario> mix, int clients, List<long>[] latencies, long[] errors, ConcurrentQueue<string> samples, double seconds)
    {
        var scenarios = mix.Select((s, i) => LatencyStats.From(s.Name, latencies[i], errors[i], seconds)).ToArray();
        var total = LatencyStats.From("all", latencies.SelectMany(l => l).ToList(), errors.Sum(), seconds);
        return new LoadResult(target, clients, scenarios, total, samples.ToArray());
    }
}
