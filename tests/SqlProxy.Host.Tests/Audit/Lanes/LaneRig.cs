using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using SqlProxy.Host.Audit;
using SqlProxy.Host.Metrics;
using SqlProxy.Sdk;

namespace SqlProxy.Host.Tests.Audit.Lanes;

/// <summary>A real <see cref="SinkLane"/> over a <see cref="GatedSink"/>, spilling into a temporary directory, running.</summary>
internal sealed class LaneRig : IAsyncDisposable
{
    public const string Key = "test/gated";
    private readonly Prometheus.CollectorRegistry registry = Prometheus.Metrics.NewCustomRegistry();
    private readonly string root = Directory.CreateTempSubdirectory("sqlproxy-lane-").FullName;
    private readonly CancellationTokenSource abandon = new();
    private int next;

    public LaneRig(GatedSink sink, int queuedRecords, int attemptsBeforeSpill = 3, int maxRecordsPerWrite = AuditLaneOptions.DefaultMaxRecordsPerWrite)
    {
        Sink = sink;
        SpillPath = new AuditSpillDirectory(root).PathFor(Key);
        Lane = new SinkLane(Key, new SpillStore(SpillPath, Key), sink.WriteForLaneAsync, new AuditLaneOptions(queuedRecords, attemptsBeforeSpill, maxRecordsPerWrite),
            new AuditMetrics(registry), NullLogger.Instance);
        Running = Task.Run(() => Lane.RunAsync(abandon.Token));
    }

    public GatedSink Sink { get; }

    public SinkLane Lane { get; }

    public Task Running { get; }

    /// <summary>The sink's spill directory (made by the first spill).</summary>
    public string SpillPath { get; }

    public int SpillFiles => Directory.Exists(SpillPath) ? Directory.GetFiles(SpillPath, "*.jsonl").Length : 0;

    /// <summary>The next <paramref name="size"/> records, numbered on from the last batch made.</summary>
    public AuditRecord[] Batch(int size) =>
        Enumerable.Range(0, size).Select(_ => Record((++next).ToString("D6", System.Globalization.CultureInfo.InvariantCulture))).ToArray();

    /// <summary>The ids of every record made so far, in order.</summary>
    public IReadOnlyList<string> Made => Enumerable.Range(1, next).Select(i => i.ToString("D6", System.Globalization.CultureInfo.InvariantCulture)).ToArray();

    public async Task<double> MetricAsync(string name)
    {
        using var text = new MemoryStream();
        await registry.CollectAndExportAsTextAsync(text);
        var line = Encoding.UTF8.GetString(text.ToArray()).Split('\n').FirstOrDefault(l => l.StartsWith($"{name}{{sink=\"{Key}\"}} ", StringComparison.Ordinal));
        return line is null ? 0 : double.Parse(line[(line.LastIndexOf(' ') + 1)..], System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The host's stop timeout: the lane spills what it has in memory and ends.</summary>
    public async Task AbandonAsync()
    {
        await abandon.CancelAsync();
        await Running.WaitAsync(TimeSpan.FromSeconds(60));
    }

    /// <summary>The ids in the spill files, oldest file first.</summary>
    public IReadOnlyList<string> SpilledIds() =>
        Directory.Exists(SpillPath)
            ? Directory.GetFiles(SpillPath, "*.jsonl").Order(StringComparer.Ordinal)
                .SelectMany(File.ReadLines).Where(l => l.Length > 0).Select(l => AuditRecordJson.Deserialize(l).AuditId).ToArray()
            : [];

    /// <summary>Completes the lane and waits for it to write (or spill) what it has.</summary>
    public async Task StopAsync()
    {
        Lane.Complete();
        await Running.WaitAsync(TimeSpan.FromSeconds(60));
    }

    public static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "the condition did not hold within 60 s");
            await Task.Delay(10);
        }
    }

    private static AuditRecord Record(string id) =>
        new() { AuditId = id, RequestId = "r" + id, Timestamp = DateTimeOffset.UnixEpoch, Outcome = AuditOutcome.Executed, Sql = "SELECT 1" };

    public async ValueTask DisposeAsync()
    {
        Sink.Open();
        await abandon.CancelAsync();
        try
        {
            await Running.WaitAsync(TimeSpan.FromSeconds(10));
        }
        catch (TimeoutException)
        {
            // A test that failed may leave the lane stuck; the directory goes anyway.
        }
        abandon.Dispose();
        Directory.Delete(root, recursive: true);
    }
}
