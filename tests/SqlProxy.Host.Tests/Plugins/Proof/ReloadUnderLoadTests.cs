using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using SqlProxy.Host.Tests.Support;
using Xunit.Abstractions;

namespace SqlProxy.Host.Tests.Plugins.Proof;

/// <summary>
/// Proof for "while 8 concurrent clients send a mixed stream of queries for ≥ 20 s, reload the plugins ≥ 20 times;
/// zero failed or wrongly-answered requests": the real proxy over HTTP with the labeller classifier plugin (called by
/// every SELECT), its folder swapped between versions 1 and 2 before every reload.
/// </summary>
[Collection(SampleDatabaseCollection.Name)]
public sealed class ReloadUnderLoadTests(SampleDatabase sample, ITestOutputHelper output) : IDisposable
{
    private const int Clients = 8;
    private const int MinimumReloads = 20;
    private const string Folder = "labeller";
    private static readonly TimeSpan LoadDuration = TimeSpan.FromSeconds(20);

    /// <summary>Past this the test gives up: the load is bounded even if reloads are far slower than expected.</summary>
    private static readonly TimeSpan GiveUpAfter = TimeSpan.FromSeconds(180);

    private static readonly string[] Labels = ["Fixture.RegionV1", "Fixture.RegionV2"];
    private static readonly (string Fixture, string Version)[] Versions = [(FixturePlugins.LabellerV1, "1.0.0"), (FixturePlugins.LabellerV2, "2.0.0")];

    /// <summary>Fields that differ between two answers to the same request by design.</summary>
    private static readonly string[] Volatile = ["request_id", "audit_id", "execution_time_us"];

    private readonly PluginDirectory plugins = new();

    private sealed record Case(string Name, string Sql, bool DryRun, HttpStatusCode Status);

    /// <summary>The mixed stream, all as the analyst (roles analyst and readonly, region north).</summary>
    private static readonly Case[] Stream =
    [
        // Row filter (north only), phone and e-mail masks, the built-in classifiers and the labeller's `region` label.
        new("customers", "SELECT id, name, email, phone, region FROM customers ORDER BY id", false, HttpStatusCode.OK),
        new("orders", "SELECT count(*) AS orders, sum(amount) AS total FROM orders", false, HttpStatusCode.OK),
        new("join", "SELECT c.id, c.region, o.order_number FROM customers c JOIN orders o ON o.customer_id = c.id ORDER BY o.id LIMIT 20", false, HttpStatusCode.OK),
        new("blocked", "SELECT * FROM sensitive_data", false, HttpStatusCode.Forbidden),
        new("dry-run", "SELECT id, region FROM customers WHERE id < 10", true, HttpStatusCode.OK),
        new("bad-sql", "SELEC id FROM customers", false, HttpStatusCode.BadRequest),
    ];

    [Fact]
    public async Task Eight_clients_get_only_right_answers_while_the_plugins_reload_at_least_twenty_times()
    {
        await plugins.AddAsync(FixturePlugins.LabellerV1, Folder);
        await using var proxy = await RunningProxy.StartAsync(sample, toml => SamplePluginsToml.With(toml, plugins.Path));

        var expected = await ExpectedAnswersAsync(proxy);

        var failures = new ConcurrentQueue<string>();
        var requests = new int[Stream.Length];
        var labelsSeen = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
        var reloads = 0;
        var reloadsDone = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var giveUp = new CancellationTokenSource(GiveUpAfter);
        var clock = Stopwatch.StartNew();

        // Clients stop once the load has lasted its 20 s and the reloader has done its reloads.
        bool LoadGoesOn() => !giveUp.IsCancellationRequested && (clock.Elapsed < LoadDuration || !reloadsDone.Task.IsCompleted);

        async Task ClientAsync(int client)
        {
            // Each client starts at another point of the stream, so every kind of request is in flight at every moment.
            for (var i = client; LoadGoesOn(); i++)
            {
                var index = i % Stream.Length;
                var @case = Stream[index];
                try
                {
                    using var response = await proxy.QueryAsync(DemoKeys.Analyst, @case.Sql, dryRun: @case.DryRun).WaitAsync(TimeSpan.FromSeconds(60));
                    var body = await response.Content.ReadAsStringAsync();
                    Interlocked.Increment(ref requests[index]);
                    if (Difference(@case, expected[index], response.StatusCode, body, labelsSeen) is { } difference)
                        failures.Enqueue($"client {client}, {@case.Name} at {clock.Elapsed.TotalSeconds:F1} s: {difference}");
                }
                catch (Exception e)
                {
                    Interlocked.Increment(ref requests[index]);
                    failures.Enqueue($"client {client}, {@case.Name} at {clock.Elapsed.TotalSeconds:F1} s: {e.GetType().Name}: {e.Message}");
                }
            }
        }

        async Task ReloaderAsync()
        {
            try
            {
                // A few more reloads than needed spread over the 20 s; any still missing after them follow at once.
                var interval = LoadDuration / (MinimumReloads + 4);
                while (!giveUp.IsCancellationRequested && (clock.Elapsed < LoadDuration || reloads < MinimumReloads))
                {
                    var next = clock.Elapsed + interval;
                    // Swap the folder's content to the other version: the reload must pick it up.
                    var (fixture, version) = Versions[(reloads + 1) % 2];
                    Directory.Delete(Path.Combine(plugins.Path, Folder), recursive: true);
                    await plugins.AddAsync(fixture, Folder);

                    using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/plugins/reload");
                    request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", DemoKeys.Admin);
                    using var response = await proxy.Client.SendAsync(request).WaitAsync(TimeSpan.FromSeconds(60));
                    var body = await response.Content.ReadAsStringAsync();
                    reloads++;
                    if (response.StatusCode != HttpStatusCode.OK)
                    {
                        failures.Enqueue($"reload {reloads}: {(int)response.StatusCode} {body}");
                        continue;
                    }
                    var listed = SamplePluginsToml.FromDirectory(JsonNode.Parse(body)!);
                    if (listed.Length != 1 || (string?)listed[0]["version"] != version)
                        failures.Enqueue($"reload {reloads}: expected the labeller {version} alone, listed {body}");
                    if (next > clock.Elapsed && clock.Elapsed < LoadDuration) await Task.Delay(next - clock.Elapsed);
                }
            }
            catch (Exception e)
            {
                failures.Enqueue($"reload {reloads + 1}: {e.GetType().Name}: {e.Message}");
            }
            finally
            {
                reloadsDone.TrySetResult();
            }
        }

        var reloader = Task.Run(ReloaderAsync);
        var clients = Enumerable.Range(0, Clients).Select(c => Task.Run(() => ClientAsync(c))).ToArray();
        await Task.WhenAll([reloader, .. clients]);
        clock.Stop();

        var total = requests.Sum();
        output.WriteLine($"{total} requests from {Clients} clients and {reloads} reloads in {clock.Elapsed.TotalSeconds:F1} s");
        for (var i = 0; i < Stream.Length; i++) output.WriteLine($"  {Stream[i].Name}: {requests[i]}");
        output.WriteLine($"  region labels seen: {string.Join(", ", labelsSeen.OrderBy(l => l.Key).Select(l => $"{l.Key} × {l.Value}"))}");
        output.WriteLine($"  failed or wrong: {failures.Count}");
        foreach (var failure in failures.Take(20)) output.WriteLine($"    {failure}");

        Assert.False(giveUp.IsCancellationRequested, $"the load did not finish within {GiveUpAfter.TotalSeconds} s ({reloads} reloads)");
        Assert.True(failures.IsEmpty, $"{failures.Count} of {total} requests or reloads failed or were answered wrongly, e.g.:\n{string.Join("\n", failures.Take(10))}");
        Assert.True(reloads >= MinimumReloads, $"only {reloads} reloads");
        Assert.True(clock.Elapsed >= LoadDuration);
        Assert.All(requests, count => Assert.True(count > 0));
        // Both versions answered: the swaps between reloads took effect while the clients ran.
        Assert.All(Labels, label => Assert.True(labelsSeen.GetValueOrDefault(label) > 0, $"no answer labelled {label}"));
        // Not checked here: that every replaced snapshot's load contexts were unloaded and collected. The catalog is in
        // the proxy's service container, which RunningProxy does not expose (PluginCatalogTests and UnloadCyclesTests
        // check the collection on a catalog directly).
    }

    /// <summary>
    /// Every request of the stream once, before the load, with the labeller 1.0.0: these answers are the expected ones.
    /// They are checked against what the sample data and rules say they must be, so a wrong baseline cannot pass.
    /// </summary>
    private async Task<JsonObject[]> ExpectedAnswersAsync(RunningProxy proxy)
    {
        var answers = new JsonObject[Stream.Length];
        for (var i = 0; i < Stream.Length; i++)
        {
            var @case = Stream[i];
            using var response = await proxy.QueryAsync(DemoKeys.Analyst, @case.Sql, dryRun: @case.DryRun);
            var json = await response.JsonAsync();
            Assert.True(@case.Status == response.StatusCode, $"{@case.Name}: {(int)response.StatusCode} {json.ToJsonString()}");
            answers[i] = json;
        }

        var customers = answers[0];
        var rows = customers["data"]!["rows"]!.AsArray();
        Assert.NotEmpty(rows);
        Assert.All(rows, row => Assert.Equal("north", (string?)row![4]));
        // The masks: the administrator sees the same customers unmasked.
        using var raw = await proxy.QueryAsync(DemoKeys.Admin, "SELECT id, name, email, phone, region FROM customers WHERE region = 'north' ORDER BY id");
        var rawRows = (await raw.JsonAsync())["data"]!["rows"]!.AsArray();
        Assert.Equal(rawRows.Select(r => (int)r![0]!), rows.Select(r => (int)r![0]!));
        for (var r = 0; r < rows.Count; r++)
        {
            Assert.NotEqual((string?)rawRows[r]![2], (string?)rows[r]![2]);
            Assert.EndsWith(((string?)rawRows[r]![2])!.Split('@')[1], (string?)rows[r]![2]);
            if ((string?)rawRows[r]![3] is { } phone)
            {
                Assert.NotEqual(phone, (string?)rows[r]![3]);
                Assert.EndsWith(phone[^4..], (string?)rows[r]![3]);
            }
        }
        Assert.Equal("Fixture.RegionV1", (string?)customers["classifications"]!["region"]);
        Assert.Equal("PII.Email", (string?)customers["classifications"]!["email"]);
        Assert.Equal("Fixture.RegionV1", (string?)answers[2]["classifications"]!["region"]);
        Assert.Single(answers[1]["data"]!["rows"]!.AsArray());

        var blocked = answers[3];
        Assert.Equal("POLICY_BLOCKED", (string?)blocked["error_code"]);
        Assert.Equal("BLOCK", (string?)blocked["decision"]!["verdict"]);
        Assert.Contains("access.rules", (string?)blocked["decision"]!["rule"]);

        Assert.Equal("ALLOW", (string?)answers[4]["decision"]!["verdict"]);
        Assert.Null(answers[4]["data"]);

        foreach (var answer in answers) output.WriteLine(answer.ToJsonString());
        return answers;
    }

    /// <summary>Why <paramref name="body"/> is not the expected answer; null when it is.</summary>
    private static string? Difference(Case @case, JsonObject expected, HttpStatusCode status, string body, ConcurrentDictionary<string, int> labelsSeen)
    {
        if (status != @case.Status) return $"{(int)status} instead of {(int)@case.Status}: {Shorten(body)}";
        JsonObject actual;
        try
        {
            actual = JsonNode.Parse(body)!.AsObject();
        }
        catch (Exception e)
        {
            return $"not JSON ({e.Message}): {Shorten(body)}";
        }
        // A reload may have swapped the labeller's version under the request: either version's label is right, none is wrong.
        var expectedLabel = (string?)expected["classifications"]?["region"];
        var label = (string?)actual["classifications"]?["region"];
        if (expectedLabel is not null)
        {
            if (label is null || !Labels.Contains(label)) return $"region labelled `{label ?? "(nothing)"}`: {Shorten(body)}";
            labelsSeen.AddOrUpdate(label, 1, (_, n) => n + 1);
        }
        var want = Canonical(expected);
        var got = Canonical(actual);
        if (want == got) return null;
        var at = 0;
        while (at < want.Length && at < got.Length && want[at] == got[at]) at++;
        var from = Math.Max(0, at - 120);
        return $"answer differs at character {at}:\n      expected …{Shorten(want[from..])}\n      got      …{Shorten(got[from..])}";
    }

    /// <summary>The answer without its per-request fields, and with the region label (checked apart) left out.</summary>
    private static string Canonical(JsonObject answer)
    {
        var copy = answer.DeepClone().AsObject();
        foreach (var field in Volatile) copy.Remove(field);
        if (copy["classifications"] is JsonObject classifications && classifications.ContainsKey("region")) classifications["region"] = "<label>";
        return copy.ToJsonString();
    }

    private static string Shorten(string text) => text.Length <= 300 ? text : text[..300] + "…";

    public void Dispose() => plugins.Dispose();
}
