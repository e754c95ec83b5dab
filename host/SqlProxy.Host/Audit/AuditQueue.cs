using System.Collections.Concurrent;
using System.Threading.Channels;
using SqlProxy.Host.Metrics;
using SqlProxy.Sdk;

namespace SqlProxy.Host.Audit;

/// <summary>
/// Takes audit records off the response path: a request only enqueues into a bounded queue (when it is full the
/// request waits, or with <c>audit.when_full = "reject"</c> new requests are refused before they run — nothing is
/// dropped), and a background writer hands each batch to one <see cref="SinkLane"/> per audit sink of the serving
/// plugins, which writes it, or spills it to disk and replays it, independently of the other sinks. Spilled records of
/// an earlier run are replayed at start. Stopping drains the queue and every lane (what a sink cannot take by then stays
/// spilled for the next start).
/// </summary>
internal sealed partial class AuditQueue : IHostedService
{
    private const int MaxBatch = 256;
    private static readonly TimeSpan MaxNoSinkBackoff = TimeSpan.FromSeconds(5);

    private readonly Channel<AuditRecord> channel;
    private readonly SinkWriter writer;
    private readonly AuditSpillDirectory spillDirectory;
    private readonly AuditLaneOptions laneOptions;
    private readonly AuditMetrics metrics;
    private readonly ILogger<AuditQueue> logger;
    private readonly ILoggerFactory loggers;
    private readonly ConcurrentDictionary<string, (SinkLane Lane, Task Running)> lanes = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource abandon = new();
    private readonly int capacity;
    private Task fanOut = Task.CompletedTask;

    public AuditQueue(
        SinkWriter writer, AuditSpillDirectory spillDirectory, int capacity, int attemptsBeforeSpill,
        AuditMetrics metrics, ILoggerFactory loggers)
    {
        this.writer = writer;
        this.spillDirectory = spillDirectory;
        this.capacity = capacity;
        this.metrics = metrics;
        this.loggers = loggers;
        logger = loggers.CreateLogger<AuditQueue>();
        laneOptions = new AuditLaneOptions(capacity, attemptsBeforeSpill);
        channel = Channel.CreateBounded<AuditRecord>(new BoundedChannelOptions(capacity) { FullMode = BoundedChannelFullMode.Wait, SingleReader = true });
    }

    /// <summary>True when the in-memory queue has no room: the next enqueue would wait.</summary>
    public bool IsFull => channel.Reader.Count >= capacity;

    /// <summary>Batches spilled to disk for the sink <paramref name="key"/> (<c>plugin/sink</c>) and not yet taken by it, as its lane counts them.</summary>
    public int SpilledBatches(string key) => lanes.TryGetValue(key, out var lane) ? lane.Lane.SpilledBatches : 0;

    public async ValueTask EnqueueAsync(AuditRecord record, CancellationToken cancellationToken)
    {
        await channel.Writer.WriteAsync(record, cancellationToken);
        metrics.Emitted();
        metrics.QueueDepth(channel.Reader.Count);
    }

    /// <summary>
    /// For a request refused because the queue is full: its record is queued when there is room, else logged (Warning,
    /// the whole record) so the refusal is still on file, without making the client wait for the backlog.
    /// </summary>
    public void EnqueueOrLog(AuditRecord record)
    {
        if (channel.Writer.TryWrite(record))
        {
            metrics.Emitted();
            return;
        }
        LogOverflow(AuditRecordJson.Serialize(record));
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        // Records spilled by an earlier run go first, whether or not their sink is loaded now.
        foreach (var key in spillDirectory.KeysWithSpill()) LaneFor(key);
        fanOut = Task.Run(FanOutAsync, CancellationToken.None);
        return Task.CompletedTask;
    }

    /// <summary>Stops taking records, hands every queued one to the lanes and waits for them; gives up only at the host's stop timeout.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        channel.Writer.TryComplete();
        await using (cancellationToken.Register(abandon.Cancel))
        {
            await fanOut;
            foreach (var (lane, _) in lanes.Values) lane.Complete();
            await Task.WhenAll(lanes.Values.Select(l => l.Running));
        }
    }

    private async Task FanOutAsync()
    {
        var batch = new List<AuditRecord>(MaxBatch);
        try
        {
            while (await channel.Reader.WaitToReadAsync(abandon.Token))
            {
                while (batch.Count < MaxBatch && channel.Reader.TryRead(out var record)) batch.Add(record);
                metrics.QueueDepth(channel.Reader.Count);
                var keys = await SinkKeysAsync(batch.Count);
                var records = batch.ToArray();
                foreach (var key in keys) await LaneFor(key).OfferAsync(records, abandon.Token);
                batch.Clear();
            }
        }
        catch (OperationCanceledException) when (abandon.IsCancellationRequested)
        {
            var lost = batch.Count + channel.Reader.Count;
            if (lost > 0) LogAbandoned(lost);
        }
    }

    /// <summary>The serving sinks; while there is none the batch waits (and the queue fills up behind it).</summary>
    private async Task<IReadOnlyList<string>> SinkKeysAsync(int count)
    {
        var delay = TimeSpan.FromMilliseconds(50);
        for (var attempt = 1; ; attempt++)
        {
            var keys = writer.CurrentKeys();
            if (keys.Count > 0) return keys;
            LogNoSink(count, attempt);
            await Task.Delay(delay, abandon.Token);
            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, MaxNoSinkBackoff.Ticks));
        }
    }

    private SinkLane LaneFor(string key) => lanes.GetOrAdd(key, k =>
    {
        var lane = new SinkLane(k, spillDirectory.StoreFor(k), writer.WriteAsync, laneOptions, metrics, loggers.CreateLogger<SinkLane>());
        return (lane, Task.Run(() => lane.RunAsync(abandon.Token), CancellationToken.None));
    }).Lane;

    [LoggerMessage(LogLevel.Error, "No loaded plugin has an audit sink: {Count} records are kept and retried (attempt {Attempt})")]
    private partial void LogNoSink(int count, int attempt);

    [LoggerMessage(LogLevel.Warning, "The audit queue is full: the record of this refused request is logged instead: {Record}")]
    private partial void LogOverflow(string record);

    [LoggerMessage(LogLevel.Critical, "Audit writer stopped by the shutdown timeout with {Count} records not handed to any sink")]
    private partial void LogAbandoned(int count);
}
