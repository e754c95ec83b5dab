using System.Threading.Channels;
using SqlProxy.Sdk;

namespace SqlProxy.Host.Audit;

/// <summary>
/// Takes audit records off the response path: a request only enqueues (waiting only when the queue
/// is full, as back-pressure, never dropping), and a background writer hands batches to the sinks.
/// A failed batch is retried with backoff until a sink takes it; stopping drains the queue first.
/// </summary>
internal sealed class AuditQueue(IReadOnlyList<IAuditSink> sinks, int capacity, ILogger<AuditQueue> logger) : IHostedService
{
    private const int MaxBatch = 256;
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(5);

    private readonly Channel<AuditRecord> channel = Channel.CreateBounded<AuditRecord>(
        new BoundedChannelOptions(capacity) { FullMode = BoundedChannelFullMode.Wait, SingleReader = true });
    private readonly CancellationTokenSource abandon = new();
    private Task writer = Task.CompletedTask;

    public ValueTask EnqueueAsync(AuditRecord record, CancellationToken cancellationToken) =>
        channel.Writer.WriteAsync(record, cancellationToken);

    public Task StartAsync(CancellationToken cancellationToken)
    {
        writer = Task.Run(WriteLoopAsync, CancellationToken.None);
        return Task.CompletedTask;
    }

    /// <summary>Stops taking records and writes everything queued; gives up only when the host's stop timeout fires.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        channel.Writer.TryComplete();
        await using (cancellationToken.Register(abandon.Cancel))
            await writer;
    }

    private async Task WriteLoopAsync()
    {
        var batch = new List<AuditRecord>(MaxBatch);
        try
        {
            while (await channel.Reader.WaitToReadAsync(abandon.Token))
            {
                while (batch.Count < MaxBatch && channel.Reader.TryRead(out var record)) batch.Add(record);
                foreach (var sink in sinks) await WriteWithRetryAsync(sink, batch);
                batch.Clear();
            }
        }
        catch (OperationCanceledException)
        {
            var lost = batch.Count + channel.Reader.Count;
            if (lost > 0) logger.LogError("Audit writer stopped by the shutdown timeout with {Count} records unwritten", lost);
        }
    }

    private async Task WriteWithRetryAsync(IAuditSink sink, IReadOnlyList<AuditRecord> batch)
    {
        var delay = TimeSpan.FromMilliseconds(50);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await sink.WriteAsync(batch, abandon.Token);
                return;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Audit sink {Sink} failed to write {Count} records (attempt {Attempt}); retrying", sink.Name, batch.Count, attempt);
                await Task.Delay(delay, abandon.Token);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, MaxBackoff.Ticks));
            }
        }
    }
}
