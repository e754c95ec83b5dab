using System.Threading.Channels;
using SqlProxy.Host.Plugins;
using SqlProxy.Sdk;

namespace SqlProxy.Host.Audit;

/// <summary>
/// Takes audit records off the response path: a request only enqueues (waiting only when the queue is full, as
/// back-pressure, never dropping), and a background writer hands batches to the audit sinks of the serving plugins.
/// A batch is retried with backoff until every sink has taken it; a sink marked faulty is skipped while another
/// takes the records, and tried again when none does. Stopping drains the queue first.
/// </summary>
internal sealed partial class AuditQueue(PluginCatalog plugins, int capacity, int sinkTimeoutMs, ILogger<AuditQueue> logger) : IHostedService
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
                await WriteWithRetryAsync(batch);
                batch.Clear();
            }
        }
        catch (OperationCanceledException)
        {
            var lost = batch.Count + channel.Reader.Count;
            if (lost > 0) LogAbandoned(lost);
        }
    }

    private async Task WriteWithRetryAsync(IReadOnlyList<AuditRecord> batch)
    {
        // Sinks that took the batch, by plugin and sink name: a retry (perhaps on a reloaded snapshot) skips them.
        var accepted = new HashSet<string>(StringComparer.Ordinal);
        var delay = TimeSpan.FromMilliseconds(50);
        for (var attempt = 1; !await TryWriteAsync(batch, accepted, attempt); attempt++)
        {
            await Task.Delay(delay, abandon.Token);
            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, MaxBackoff.Ticks));
        }
    }

    /// <returns>True when every sink that has to take the batch has.</returns>
    private async Task<bool> TryWriteAsync(IReadOnlyList<AuditRecord> batch, HashSet<string> accepted, int attempt)
    {
        using var lease = plugins.Acquire();
        var snapshot = lease.Snapshot;
        if (snapshot.AuditSinks.Count == 0)
        {
            LogNoSink(batch.Count, attempt);
            return false;
        }
        var healthy = snapshot.AuditSinks.Where(sink => !snapshot.HealthOf(sink).IsFaulty).ToArray();
        var done = true;
        foreach (var sink in healthy.Length > 0 ? healthy : snapshot.AuditSinks)
        {
            var plugin = snapshot.OwnerOf(sink);
            var key = $"{plugin}/{PluginFaults.NameOf(() => sink.Name)}";
            if (accepted.Contains(key)) continue;
            var health = snapshot.HealthOf(sink);
            try
            {
                await PluginCall.RunAsync(async token => { await sink.WriteAsync(batch, token); return true; }, sinkTimeoutMs, abandon.Token);
                accepted.Add(key);
                health.RecordSuccess();
            }
            catch (Exception e) when (!abandon.IsCancellationRequested)
            {
                done = false;
                LogSinkFailed(key, batch.Count, attempt, PluginFaults.Describe(e));
                if (health.RecordFault()) LogFaulty(plugin, PluginHealth.FaultLimit);
            }
        }
        return done;
    }

    [LoggerMessage(LogLevel.Error, "Audit sink {Sink} failed to write {Count} records (attempt {Attempt}); they are kept and retried: {Problem}")]
    private partial void LogSinkFailed(string sink, int count, int attempt, string problem);

    [LoggerMessage(LogLevel.Error, "No loaded plugin has an audit sink: {Count} records are kept and retried (attempt {Attempt})")]
    private partial void LogNoSink(int count, int attempt);

    [LoggerMessage(LogLevel.Error, "Plugin {Plugin} failed {Faults} times in a row and is now faulty: its audit sink is skipped while another takes the records")]
    private partial void LogFaulty(string plugin, int faults);

    [LoggerMessage(LogLevel.Error, "Audit writer stopped by the shutdown timeout with {Count} records unwritten")]
    private partial void LogAbandoned(int count);
}
