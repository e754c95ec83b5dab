using System.Runtime.CompilerServices;
using System.Runtime.Loader;
using SqlProxy.Host.Plugins;
using SqlProxy.Sdk;
using Xunit.Abstractions;

namespace SqlProxy.Host.Tests.Plugins.Proof;

/// <summary>
/// The process-wide managed-memory measurement is only meaningful with no other test allocating at the same time:
/// xunit runs a collection with parallelization disabled alone, after the parallel ones.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class UnloadCyclesCollection
{
    public const string Name = "plugin unload cycles (alone)";
}

/// <summary>
/// Proof for "100 load/unload cycles; every old context is collected (WeakReference check) and the process's managed
/// memory after the cycles stays within 10 % of after the first cycle": a catalog over a directory holding the labeller
/// fixture (a classifier and four maskers), whose classifier runs once per cycle before the reload replaces it.
/// </summary>
[Collection(UnloadCyclesCollection.Name)]
public sealed class UnloadCyclesTests(ITestOutputHelper output) : IDisposable
{
    private const int Cycles = 100;
    private const double Tolerance = 0.10;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private readonly PluginDirectory plugins = new();

    [Fact]
    public async Task A_hundred_reloads_collect_every_old_context_and_managed_memory_stays_within_ten_percent()
    {
        await plugins.AddAsync(FixturePlugins.LabellerV1, "labeller");
        await using var catalog = plugins.Catalog();
        await catalog.ReloadAsync(CancellationToken.None);

        var started = DateTime.UtcNow;
        long afterFirst = 0, afterLast = 0;
        var samples = new List<(int Cycle, long Bytes)>();
        var contexts = new List<WeakReference>();
        for (var cycle = 1; cycle <= Cycles; cycle++)
        {
            var context = ClassifyOnce(catalog, cycle);
            contexts.Add(context);

            var reload = await catalog.ReloadAsync(CancellationToken.None);
            Assert.True(reload.Swapped);
            var report = await reload.PreviousUnloaded.WaitAsync(Patience);

            Assert.True(report.Contexts == 1, $"cycle {cycle}: {report.Contexts} contexts unloaded");
            Assert.True(report.Collected, $"cycle {cycle}: still alive: {string.Join(", ", report.StillAlive)}");
            // Our own weak reference, to the context the classifier that just ran came from, is dead too.
            Assert.False(context.IsAlive, $"cycle {cycle}: the load context of the classifier that ran is still alive");

            if (cycle is 1 or 10 or 25 or 50 or 75 or Cycles)
            {
                var bytes = ManagedMemoryAfterFullCollection();
                samples.Add((cycle, bytes));
                if (cycle == 1) afterFirst = bytes;
                if (cycle == Cycles) afterLast = bytes;
            }
        }
        var elapsed = DateTime.UtcNow - started;

        var change = (afterLast - afterFirst) / (double)afterFirst;
        output.WriteLine($"{Cycles} load/unload cycles in {elapsed.TotalSeconds:F1} s; every replaced snapshot's context reported collected");
        foreach (var (cycle, bytes) in samples) output.WriteLine($"  managed memory after cycle {cycle,3}: {bytes,12:N0} bytes");
        output.WriteLine($"  change from cycle 1 to cycle {Cycles}: {change:+0.00%;-0.00%}");

        Assert.All(contexts, context => Assert.False(context.IsAlive));
        Assert.True(
            Math.Abs(change) <= Tolerance,
            $"managed memory went from {afterFirst:N0} bytes after cycle 1 to {afterLast:N0} after cycle {Cycles} ({change:+0.00%;-0.00%}); the bound is ±{Tolerance:P0}");
    }

    /// <summary>
    /// Takes a lease, runs the classifier once and releases the lease, in a frame of its own so that nothing of the
    /// plugin's context stays on the test's stack; answers a weak reference to the classifier's load context.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static WeakReference ClassifyOnce(PluginCatalog catalog, int cycle)
    {
        using var lease = catalog.Acquire();
        var classifier = Assert.Single(lease.Snapshot.Classifiers);
        var sample = new ResultSample(
            [new ResultColumn("id", "integer", []), new ResultColumn("region", "text", [])],
            [[cycle, "north"], [cycle + 1, "south"]]);
        // A classifier call is synchronous here (ValueTask.FromResult); waiting on it keeps no async state machine alive.
        var found = classifier.ClassifyAsync(sample, CancellationToken.None).AsTask().GetAwaiter().GetResult();
        var classification = Assert.Single(found);
        Assert.Equal(1, classification.ColumnIndex);
        Assert.Equal("Fixture.RegionV1", classification.Label);
        var context = AssemblyLoadContext.GetLoadContext(classifier.GetType().Assembly);
        Assert.NotNull(context);
        Assert.True(context.IsCollectible);
        return new WeakReference(context);
    }

    private static long ManagedMemoryAfterFullCollection()
    {
        for (var i = 0; i < 3; i++)
        {
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
        }
        return GC.GetTotalMemory(forceFullCollection: true);
    }

    public void Dispose() => plugins.Dispose();
}
