using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using SqlProxy.Host.Tests.Support;

namespace SqlProxy.Host.Tests;

/// <summary>Rules reload without a restart: on request (admins only) and on a file change; a bad set never replaces a good one.</summary>
[Collection(SampleDatabaseCollection.Name)]
public sealed class RulesReloadTests(SampleDatabase sample) : IDisposable
{
    private const string AnalystReadsSensitiveData = "\nallow select on testdb.public.sensitive_data.ssn when user has role 'analyst';\n";
    private readonly string rules = RulesValidationTests.CopyOfSampleRules();

    [Fact]
    public async Task A_reload_swaps_in_the_new_rules_and_reports_the_version()
    {
        await using var proxy = await RunningProxy.StartAsync(sample, t => t.Replace("watch = true", "watch = false"), rules);
        Assert.Equal(HttpStatusCode.Forbidden, (await proxy.QueryAsync(DemoKeys.Auditor, "SELECT name FROM customers")).StatusCode);
        File.AppendAllText(Path.Combine(rules, "access.rules"), "\nallow select on testdb.public.customers.name when user has role 'auditor';\n");

        var reload = await ReloadAsync(proxy, DemoKeys.Admin);
        var json = await reload.JsonAsync();

        Assert.Equal(HttpStatusCode.OK, reload.StatusCode);
        Assert.NotEqual((string?)json["previous_version"], (string?)json["version"]);
        var query = await proxy.QueryAsync(DemoKeys.Auditor, "SELECT name FROM customers LIMIT 1");
        Assert.Equal(HttpStatusCode.OK, query.StatusCode);
        Assert.Equal((string?)json["version"], (string?)(await query.JsonAsync())["decision"]!["rules_version"]);
    }

    [Fact]
    public async Task Invalid_rules_are_refused_with_every_error_and_the_old_set_keeps_serving()
    {
        await using var proxy = await RunningProxy.StartAsync(sample, t => t.Replace("watch = true", "watch = false"), rules);
        File.WriteAllText(Path.Combine(rules, "broken.rules"), "allow selct on *;\nblock select on testdb.public.orders when (user.name == 'x';\n");

        var reload = await ReloadAsync(proxy, DemoKeys.Admin, "/policies/reload");
        var json = await reload.JsonAsync();

        Assert.Equal(HttpStatusCode.UnprocessableEntity, reload.StatusCode);
        Assert.Equal("RULES_INVALID", (string?)json["error_code"]);
        Assert.Equal((string?)json["previous_version"], (string?)json["version"]);
        var errors = json["errors"].Strings();
        Assert.Contains(errors, e => e.Contains("broken.rules:1:7: `selct` is not an action", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("broken.rules:2:", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.OK, (await proxy.QueryAsync(DemoKeys.Analyst, "SELECT id FROM orders LIMIT 1")).StatusCode);
    }

    [Theory]
    [InlineData(DemoKeys.Analyst, HttpStatusCode.Forbidden)]
    [InlineData(null, HttpStatusCode.Unauthorized)]
    public async Task Only_admins_may_reload(string? key, HttpStatusCode expected)
    {
        await using var proxy = await RunningProxy.StartAsync(sample, t => t.Replace("watch = true", "watch = false"), rules);
        Assert.Equal(expected, (await ReloadAsync(proxy, key)).StatusCode);
    }

    [Fact]
    public async Task A_changed_rules_file_is_picked_up_by_itself()
    {
        await using var proxy = await RunningProxy.StartAsync(sample, rulesDirectory: rules);
        Assert.Equal(HttpStatusCode.Forbidden, (await proxy.QueryAsync(DemoKeys.Analyst, "SELECT ssn FROM sensitive_data LIMIT 1")).StatusCode);

        File.AppendAllText(Path.Combine(rules, "access.rules"), AnalystReadsSensitiveData);

        var deadline = DateTime.UtcNow.AddSeconds(15);
        HttpStatusCode status;
        do
        {
            await Task.Delay(200);
            status = (await proxy.QueryAsync(DemoKeys.Analyst, "SELECT ssn FROM sensitive_data LIMIT 1")).StatusCode;
        }
        while (status != HttpStatusCode.OK && DateTime.UtcNow < deadline);
        Assert.Equal(HttpStatusCode.OK, status);
    }

    private static Task<HttpResponseMessage> ReloadAsync(RunningProxy proxy, string? key, string path = "/api/v1/rules/reload")
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path);
        if (key is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return proxy.Client.SendAsync(request);
    }

    public void Dispose() => Directory.Delete(rules, recursive: true);
}
