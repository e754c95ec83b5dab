using System.Net;
using System.Text.RegularExpressions;
using SqlProxy.Host.Tests.Plugins;
using SqlProxy.Host.Tests.Support;

namespace SqlProxy.Host.Tests.Health;

/// <summary>Deep health reports an audit sink whose batches wait on disk, and recovers once they are replayed.</summary>
[Collection(SampleDatabaseCollection.Name)]
public sealed partial class SinkHealthTests(SampleDatabase sample) : IDisposable
{
    private const string Sink = "flaky_sink/flaky";
    private readonly PluginDirectory plugins = new();
    private readonly string spill = Directory.CreateTempSubdirectory("sqlproxy-health-spill-").FullName;

    private string Outage => Path.Combine(plugins.Path, "down");

    [Fact]
    public async Task A_sink_with_spilled_batches_makes_deep_health_503_until_they_are_replayed()
    {
        File.WriteAllText(Outage, "");
        await plugins.AddAsync(FixturePlugins.FlakySink);
        await using var proxy = await RunningProxy.StartAsync(sample, toml => SamplePluginsToml.With(
            SpillDirectoryLine().Replace(toml, $"spill_directory = \"{spill}\"").Replace("spill_after_attempts = 3", "spill_after_attempts = 1", StringComparison.Ordinal),
            plugins.Path,
            settings: $"[plugins.flaky_sink]\npath = \"{Path.Combine(plugins.Path, "flaky.txt")}\"\nfail_while = \"{Outage}\"\n"));

        await proxy.QueryAsync(DemoKeys.Analyst, "SELECT count(*) FROM customers");
        var spilling = await WaitForSinkStatusAsync(proxy, "spilling");
        var readiness = await proxy.Client.GetAsync("/health?level=readiness");
        File.Delete(Outage);
        var recovered = await WaitForSinkStatusAsync(proxy, "ok");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, spilling.Status);
        Assert.Contains("spilled batches", spilling.Detail);
        Assert.Equal("ok", spilling.Others["audit_sink:audit_file/file"]);
        Assert.Equal(HttpStatusCode.OK, readiness.StatusCode);
        Assert.Equal(HttpStatusCode.OK, recovered.Status);
    }

    private async Task<(HttpStatusCode Status, string? Detail, Dictionary<string, string?> Others)> WaitForSinkStatusAsync(RunningProxy proxy, string status)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var response = await proxy.Client.GetAsync("/health?level=deep");
            var components = (await response.JsonAsync())["components"]!.AsObject();
            var sink = components[$"audit_sink:{Sink}"];
            if ((string?)sink?["status"] == status)
                return (response.StatusCode, (string?)sink!["detail"], components.ToDictionary(c => c.Key, c => (string?)c.Value!["status"]));
            Assert.True(DateTime.UtcNow < deadline, $"{Sink} did not become {status} within 60 s: {components.ToJsonString()}");
            await Task.Delay(100);
        }
    }

    [GeneratedRegex(@"(?m)^spill_directory = .*$")]
    private static partial Regex SpillDirectoryLine();

    public void Dispose()
    {
        plugins.Dispose();
        Directory.Delete(spill, recursive: true);
    }
}
