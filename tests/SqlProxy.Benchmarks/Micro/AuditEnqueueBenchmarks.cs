using BenchmarkDotNet.Attributes;
using SqlProxy.Host.Audit;
using SqlProxy.Host.Pipeline;
using SqlProxy.Sdk;

namespace SqlProxy.Benchmarks.Micro;

/// <summary>
/// Building a request's audit record and enqueuing it on the host's <see cref="AuditQueue"/>, whose writer drains it into
/// the built-in file sink in a temporary directory. Over many operations the queue is bounded, so this settles at the
/// sink's sustained rate when the sink is the slower side.
/// </summary>
public class AuditEnqueueBenchmarks
{
    private HostParts parts = null!;
    private AuditQueue queue = null!;
    private QueryOutcome outcome = null!;

    [GlobalSetup]
    public void Setup()
    {
        parts = HostParts.CreateAsync(rows: 10).GetAwaiter().GetResult();
        queue = parts.StartAuditQueueAsync().GetAwaiter().GetResult();
        outcome = new QueryOutcome(parts.Context, null, Guid.CreateVersion7().ToString("N"), 1234);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        queue.StopAsync(CancellationToken.None).GetAwaiter().GetResult();
        parts.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }

    [Benchmark]
    public AuditRecord CreateRecord() => AuditRecordFactory.Create(outcome);

    [Benchmark]
    public ValueTask CreateAndEnqueue() => queue.EnqueueAsync(AuditRecordFactory.Create(outcome), CancellationToken.None);
}
