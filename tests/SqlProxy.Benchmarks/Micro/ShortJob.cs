using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace SqlProxy.Benchmarks.Micro;

/// <summary>
/// The job of the bench report's micro-benchmarks: in-process (no generated project to build, which on a busy machine
/// costs more than the measurement), 2 warm-up and 5 measured iterations, memory diagnoser. A few minutes for the set.
/// </summary>
internal static class ShortJob
{
    public static IConfig Config() => ManualConfig.CreateEmpty()
        .AddJob(Job.Default
            .WithToolchain(InProcessEmitToolchain.Instance)
            .WithLaunchCount(1)
            .WithWarmupCount(2)
            .WithIterationCount(5)
            .WithIterationTime(Perfolizer.Horology.TimeInterval.FromMilliseconds(250))
            .WithId("short"))
        .AddDiagnoser(MemoryDiagnoser.Default)
        .AddColumnProvider(DefaultColumnProviders.Instance)
        .AddLogger(BenchmarkDotNet.Loggers.ConsoleLogger.Default)
        .WithOptions(ConfigOptions.DisableLogFile);
}
