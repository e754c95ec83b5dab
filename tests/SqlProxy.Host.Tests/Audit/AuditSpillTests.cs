using System.Text.RegularExpressions;
using SqlProxy.Host.Tests.Plugins;
using SqlProxy.Host.Tests.Support;

namespace SqlProxy.Host.Tests.Audit;

/// <summary>
/// Nothing acknowledged is lost: a sink that keeps failing has its records spilled to disk, replayed when it recovers
/// and, if the proxy stopped meanwhile, on the next start; the other sinks are not held up.
/// </summary>
[Collection(SampleDatabaseCollection.Name)]
public sealed partial class AuditSpillTests(SampleDatabase sample) : IDisposable
{
    private const string Sink = "flaky_sink/flaky";
    private readonly PluginDirectory plugins = new();
    private readonly string spill = Directory.CreateTempSubdirectory("sqlproxy-spill-").FullName;

    private string SinkFile => Path.Combine(plugins.Path, "flaky.txt");

    private string Outage => Path.Combine(plugins.Path, "down");

    [Fact]
    public async Task A_failing_sink_spills_and_gets_every_record_when_it_recovers()
    {
        File.WriteAllText(Outage, "");
        await using var proxy = await StartAsync();

        var ids = await QueryAsync(proxy, 6);
        await WaitUntilAsync(async () => Value(await MetricsAsync(proxy), "sqlproxy_audit_spilled_total", Sink) >= 6);
        Assert.All(ids, id => Assert.Contains(id, File.ReadAllText(proxy.AuditFile)));
        Assert.False(File.Exists(SinkFile));

        File.Delete(Outage);
        await WaitUntilAsync(() => Task.FromResult(ids.All(Lines().Contains)));

        var metrics = await MetricsAsync(proxy);
        Assert.Equal(6, Value(metrics, "sqlproxy_audit_replayed_total", Sink));
        await WaitUntilAsync(async () => Value(await MetricsAsync(proxy), "sqlproxy_audit_spill_backlog", Sink) == 0);
        Assert.True(Value(metrics, "sqlproxy_audit_emitted_total") >= 6);
        // Only the first batch is tried before spilling; the later ones go straight to the spill behind it.
        Assert.True(Value(metrics, "sqlproxy_audit_failed_total", Sink) >= 1);
    }

    [Fact]
    public async Task Records_spilled_when_the_proxy_stops_are_replayed_on_the_next_start()
    {
        File.WriteAllText(Outage, "");
        string[] ids;
        await using (var first = await StartAsync())
            ids = await QueryAsync(first, 4);
        Assert.NotEmpty(Directory.GetFiles(spill, "*.jsonl", SearchOption.AllDirectories));
        Assert.False(File.Exists(SinkFile));

        File.Delete(Outage);
        await using var second = await StartAsync();
        await WaitUntilAsync(() => Task.FromResult(ids.All(Lines().Contains)));

        Assert.Equal(ids.Order(), Lines().Order());
        await WaitUntilAsync(() => Task.FromResult(Directory.GetFiles(spill, "*.jsonl", SearchOption.AllDirectories).Length == 0));
    }

    [Fact]
    public async Task When_the_disk_refuses_the_spill_too_requests_are_refused_with_reject()
    {
        File.WriteAllText(Outage, "");
        // The sink's spill directory is a file: every spill fails, so the lane and then the queue fill up.
        var laneDirectory = new SqlProxy.Host.Audit.AuditSpillDirectory(spill).PathFor(Sink);
        File.WriteAllText(laneDirectory, "in the way");
        await using var proxy = await StartAsync(audit: "queue_capacity = 1\nwhen_full = \"reject\"\n");

        var codes = new List<string?>();
        for (var i = 0; i < 20 && !codes.Contains("AUDIT_BACKLOG"); i++)
        {
            var response = await proxy.QueryAsync(DemoKeys.Analyst, "SELECT count(*) FROM customers");
            codes.Add((string?)(await response.JsonAsync())["error_code"]);
        }

        Assert.Contains("AUDIT_BACKLOG", codes);
        File.Delete(laneDirectory);
        File.Delete(Outage);
    }

    private async Task<RunningProxy> StartAsync(string audit = "")
    {
        if (!Directory.Exists(Path.Combine(plugins.Path, FixturePlugins.FlakySink))) await plugins.AddAsync(FixturePlugins.FlakySink);
        return await RunningProxy.StartAsync(sample, toml => SamplePluginsToml.With(
            SpillDirectoryLine().Replace(toml, $"spill_directory = \"{spill}\"\nspill_after_attempts = 1\n{audit}")
                .Replace("spill_after_attempts = 3", "", StringComparison.Ordinal)
                .Replace("when_full = \"wait\"", audit.Contains("when_full", StringComparison.Ordinal) ? "" : "when_full = \"wait\"", StringComparison.Ordinal)
                .Replace("queue_capacity = 10000", audit.Contains("queue_capacity", StringComparison.Ordinal) ? "" : "queue_capacity = 10000", StringComparison.Ordinal),
            plugins.Path,
            settings: $"[plugins.flaky_sink]\npath = \"{SinkFile}\"\nfail_while = \"{Outage}\"\n"));
    }

    [GeneratedRegex(@"(?m)^spill_directory = .*$")]
    private static partial Regex SpillDirectoryLine();

    private static async Task<string[]> QueryAsync(RunningProxy proxy, int count)
    {
        var ids = new List<string>();
        for (var i = 0; i < count; i++)
            ids.Add((string)(await (await proxy.QueryAsync(DemoKeys.Analyst, "SELECT count(*) FROM customers")).JsonAsync())["audit_id"]!);
        return ids.ToArray();
    }

    private string[] Lines() => File.Exists(SinkFile) ? File.ReadAllLines(SinkFile) : [];

    private static async Task<string> MetricsAsync(RunningProxy proxy) =>
        await (await proxy.SendAsync(HttpMethod.Get, "/metrics", null)).Content.ReadAsStringAsync();

    private static double Value(string metrics, string name, string? sink = null)
    {
        var label = sink is null ? "" : $"\\{{sink=\"{Regex.Escape(sink)}\"\\}}";
        var match = Regex.Match(metrics, $"(?m)^{name}{label} (\\S+)$");
        return match.Success ? double.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : 0;
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "the condition did not hold within 60 s");
            await Task.Delay(100);
        }
    }

    public void Dispose()
    {
        plugins.Dispose();
        Directory.Delete(spill, recursive: true);
    }
}
