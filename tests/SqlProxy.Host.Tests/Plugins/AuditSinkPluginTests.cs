using System.Text.RegularExpressions;
using SqlProxy.Host.Tests.Support;

namespace SqlProxy.Host.Tests.Plugins;

/// <summary>
/// Audit sinks from plugins: a sink that fails is retried until it takes the records, none is lost, and a sink that
/// keeps failing is marked faulty (in the listing and on /metrics) while the other sinks go on writing (spilling and
/// replaying: <see cref="Audit.AuditSpillTests"/>).
/// </summary>
[Collection(SampleDatabaseCollection.Name)]
public sealed class AuditSinkPluginTests(SampleDatabase sample) : IDisposable
{
    private readonly PluginDirectory plugins = new();

    [Fact]
    public async Task A_sink_that_fails_at_first_is_retried_until_it_has_every_record()
    {
        await plugins.AddAsync(FixturePlugins.FlakySink);
        var sinkFile = Path.Combine(plugins.Path, "flaky.txt");
        await using var proxy = await StartAsync($"[plugins.flaky_sink]\npath = \"{sinkFile}\"\nfail_first = 3\n");

        var ids = new List<string>();
        for (var i = 0; i < 3; i++)
            ids.Add((string)(await (await proxy.QueryAsync(DemoKeys.Analyst, "SELECT count(*) FROM customers")).JsonAsync())["audit_id"]!);

        var written = await WaitForLinesAsync(sinkFile, ids);
        Assert.Equal(ids.Order(), written.Distinct().Order());
        Assert.All(ids, id => Assert.Contains(id, File.ReadAllText(proxy.AuditFile)));
    }

    [Fact]
    public async Task A_sink_that_always_fails_becomes_faulty_and_the_file_sink_still_gets_every_record()
    {
        await plugins.AddAsync(FixturePlugins.FlakySink);
        await using var proxy = await StartAsync($"[plugins.flaky_sink]\npath = \"{Path.Combine(plugins.Path, "never.txt")}\"\nfail_first = -1\n");

        var ids = new List<string>();
        for (var i = 0; i < 3; i++)
            ids.Add((string)(await (await proxy.QueryAsync(DemoKeys.Analyst, "SELECT count(*) FROM customers")).JsonAsync())["audit_id"]!);
        foreach (var id in ids) await proxy.AuditRecordsAsync(id);

        // The failing sink's lane retries on its own, apart from the file sink's: wait for it to be marked faulty.
        var listing = await (await proxy.SendAsync(HttpMethod.Get, "/api/v1/plugins", DemoKeys.Admin)).JsonAsync();
        for (var deadline = DateTime.UtcNow.AddSeconds(30); (string?)SamplePluginsToml.FromDirectory(listing).Single()["state"] != "faulty" && DateTime.UtcNow < deadline;)
        {
            await Task.Delay(100);
            listing = await (await proxy.SendAsync(HttpMethod.Get, "/api/v1/plugins", DemoKeys.Admin)).JsonAsync();
        }
        var metrics = await (await proxy.SendAsync(HttpMethod.Get, "/metrics", null)).Content.ReadAsStringAsync();

        var records = await proxy.AuditRecordsAsync(ids[^1]);
        Assert.All(ids, id => Assert.Contains(records, r => (string?)r["audit_id"] == id));
        Assert.Equal("faulty", (string?)SamplePluginsToml.FromDirectory(listing).Single()["state"]);
        Assert.Matches(new Regex(@"(?m)^sqlproxy_plugin_state\{plugin=""flaky_sink"",state=""faulty""\} 1$"), metrics);
        Assert.Matches(new Regex(@"(?m)^sqlproxy_plugin_state\{plugin=""audit_file"",state=""loaded""\} 1$"), metrics);
        Assert.False(File.Exists(Path.Combine(plugins.Path, "never.txt")));
    }

    private Task<RunningProxy> StartAsync(string settings) =>
        RunningProxy.StartAsync(sample, toml => SamplePluginsToml.With(toml, plugins.Path, settings: settings));

    private static async Task<string[]> WaitForLinesAsync(string path, IReadOnlyList<string> expected)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var lines = File.Exists(path) ? await File.ReadAllLinesAsync(path) : [];
            if (expected.All(lines.Contains) || DateTime.UtcNow > deadline) return lines;
            await Task.Delay(100);
        }
    }

    public void Dispose() => plugins.Dispose();
}
