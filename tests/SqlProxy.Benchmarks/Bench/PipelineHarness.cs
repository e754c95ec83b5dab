using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SqlProxy.Host.Audit;
using SqlProxy.Host.Observability;
using SqlProxy.Host.Pipeline;
using SqlProxy.Host.Plugins;

namespace SqlProxy.Benchmarks.Bench;

/// <summary>
/// The query pipeline of a running proxy, called in-process by several concurrent callers, with only the execute stage
/// replaced (<see cref="CannedExecuteStage"/>): authentication, limits, cached analysis, about a hundred rules,
/// rewriting, classification and masking of a small canned result, and the audit record enqueued to the file sink are
/// all the product's own services, taken from the proxy's container.
/// </summary>
internal static class PipelineHarness
{
    public const int CannedRows = 10;

    public static async Task<PipelineResult> RunAsync(BenchStack stack, int callers, TimeSpan warmUp, TimeSpan duration)
    {
        var services = stack.Proxy!.Services;
        var canned = Micro.HostParts.CannedResult(CannedRows);
        var stages = services.GetServices<IQueryStage>()
            .Select(stage => new TimedStage(stage.Name == "execute" ? new CannedExecuteStage(canned) : stage))
            .ToArray();
        if (stages.Count(s => s.Name == "execute") != 1) throw new InvalidOperationException("the proxy has no execute stage to replace");
        var pipeline = new QueryPipeline(stages, services.GetRequiredService<AuditQueue>(), services.GetRequiredService<PluginCatalog>(),
            services.GetRequiredService<PipelineMetrics>(), services.GetRequiredService<ILogger<QueryPipeline>>());

        await RunPhaseAsync(pipeline, callers, warmUp);
        foreach (var stage in stages) stage.Reset();
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var (statements, errors, firstError, seconds) = await RunPhaseAsync(pipeline, callers, duration);
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
        var perStage = stages.Select(s => new StageTime(s.Name, s.Calls, s.Calls == 0 ? 0 : s.Ticks * 1_000_000.0 / Stopwatch.Frequency / s.Calls)).ToArray();
        return new PipelineResult(callers, statements, errors, firstError, seconds, cpu.TotalMicroseconds / Math.Max(1, statements), perStage);
    }

    private static async Task<(long Statements, long Errors, string? FirstError, double Seconds)> RunPhaseAsync(
        QueryPipeline pipeline, int callers, TimeSpan duration)
    {
        long statements = 0, errors = 0;
        string? firstError = null;
        using var stop = new CancellationTokenSource(duration);
        var started = Stopwatch.GetTimestamp();
        var workers = Enumerable.Range(0, callers).Select(_ => Task.Run(async () =>
        {
            long mine = 0, myErrors = 0;
            while (!stop.IsCancellationRequested)
            {
                var outcome = await pipeline.RunAsync(Request(), CancellationToken.None);
                mine++;
                if (outcome.Failure is not null || outcome.Context.MaskedColumns.Count != 2)
                {
                    myErrors++;
                    Interlocked.CompareExchange(ref firstError, outcome.Failure?.ToString() ?? "e-mail and phone were not both masked", null);
                }
            }
            Interlocked.Add(ref statements, mine);
            Interlocked.Add(ref errors, myErrors);
        })).ToArray();
        await Task.WhenAll(workers);
        return (statements, errors, firstError, Stopwatch.GetElapsedTime(started).TotalSeconds);
    }

    private static QueryRequest Request() => new(
        Guid.NewGuid().ToString("N"), DateTimeOffset.UtcNow, "127.0.0.1", "Bearer " + LoadMix.AnalystKey, DryRun: false,
        new QueryBody("testdb", LoadMix.PiiSql, null), null);
}

/// <summary>The average time of one stage per statement.</summary>
internal sealed record StageTime(string Stage, long Calls, double MicrosecondsPerCall);

/// <summary>The pipeline run: statements per second and where their time went.</summary>
/// <param name="CpuMicrosecondsPerStatement">This process's CPU time (every thread: callers, plugin threads, audit writer, GC) per statement.</param>
internal sealed record PipelineResult(
    int Callers, long Statements, long Errors, string? FirstError, double Seconds, double CpuMicrosecondsPerStatement, IReadOnlyList<StageTime> Stages)
{
    public double PerSecond => Statements / Seconds;

    /// <summary>What all cores would sustain were the process alone and CPU-bound: less noisy on a shared machine than <see cref="PerSecond"/>.</summary>
    public double PerSecondFromCpu => Environment.ProcessorCount * 1_000_000 / CpuMicrosecondsPerStatement;
}
