using System.Net;
using System.Net.Http.Headers;
using SqlProxy.Host.Commands;
using SqlProxy.Host.Configuration;
using SqlProxy.Host.Tests.Support;
using SqlProxy.Rules;

namespace SqlProxy.Host.Tests;

/// <summary>
/// Rules are validated against the live schema of the configured databases wherever they load: at start, on reload,
/// and by `sqlproxy rules check --config`.
/// </summary>
[Collection(SampleDatabaseCollection.Name)]
public sealed class RulesValidationTests(SampleDatabase sample) : IDisposable
{
    private const string MisspeltTable = "allow select on testdb.public.custmers when user has role 'analyst';\n";
    private const string MisspeltTableError = "more.rules:1:17: schema `testdb.public` has no table `custmers`\n  help: did you mean `customers`?";
    private readonly string rules = CopyOfSampleRules();

    [Fact]
    public async Task Check_with_a_configuration_names_the_databases_it_checked()
    {
        var (output, errors) = (new StringWriter(), new StringWriter());
        Assert.Equal(0, await RulesCheckCommand.CheckAsync([], WriteConfig(sample, rules), output, errors, CancellationToken.None));
        Assert.Contains("Checked against the live schema of: testdb (4 tables and views).", output.ToString());
        Assert.Equal("", errors.ToString());
    }

    [Fact]
    public async Task Check_with_a_configuration_refuses_a_table_the_database_does_not_have()
    {
        File.WriteAllText(Path.Combine(rules, "more.rules"), MisspeltTable);
        var (output, errors) = (new StringWriter(), new StringWriter());

        Assert.Equal(1, await RulesCheckCommand.CheckAsync([], WriteConfig(sample, rules), output, errors, CancellationToken.None));

        var reported = errors.ToString().ReplaceLineEndings("\n");
        Assert.Contains("/" + MisspeltTableError + "\n1 problem(s) in 3 file(s).\n", reported);
    }

    [Fact]
    public async Task Check_says_when_a_database_cannot_be_read()
    {
        var config = WriteConfig(sample, rules, port: "1");
        var (output, errors) = (new StringWriter(), new StringWriter());

        Assert.Equal(1, await RulesCheckCommand.CheckAsync([], config, output, errors, CancellationToken.None));

        Assert.StartsWith("error: the schema of database `testdb` could not be read (", errors.ToString());
        Assert.Contains("): names in it were not checked", errors.ToString());
    }

    [Fact]
    public void The_proxy_does_not_start_with_a_name_the_database_does_not_have()
    {
        File.WriteAllText(Path.Combine(rules, "more.rules"), MisspeltTable);
        var config = ConfigLoader.Load(WriteConfig(sample, rules));

        var refused = Assert.Throws<RulesException>(() => ProxyApp.Build(config, "http://127.0.0.1:0"));

        Assert.Equal(MisspeltTableError, Assert.Single(refused.Diagnostics).ToString());
    }

    [Fact]
    public async Task A_reload_naming_an_unknown_column_is_refused_and_the_old_set_keeps_serving()
    {
        await using var proxy = await RunningProxy.StartAsync(sample, t => t.Replace("watch = true", "watch = false"), rules);
        File.WriteAllText(Path.Combine(rules, "more.rules"), "allow select on testdb.public.customers.emial when user has role 'auditor';\n");

        var reload = await ReloadAsync(proxy);
        var json = await reload.JsonAsync();

        Assert.Equal(HttpStatusCode.UnprocessableEntity, reload.StatusCode);
        Assert.Equal("RULES_INVALID", (string?)json["error_code"]);
        Assert.Equal((string?)json["previous_version"], (string?)json["version"]);
        Assert.EndsWith(
            "/more.rules:1:17: table `testdb.public.customers` has no column `emial`\n  help: did you mean `email`?",
            Assert.Single(json["errors"].Strings()));
        Assert.Equal(HttpStatusCode.OK, (await proxy.QueryAsync(DemoKeys.Analyst, "SELECT id FROM orders LIMIT 1")).StatusCode);
    }

    [Fact]
    public async Task A_reload_with_warnings_serves_the_new_set_and_returns_them()
    {
        await using var proxy = await RunningProxy.StartAsync(sample, t => t.Replace("watch = true", "watch = false"), rules);
        File.WriteAllText(Path.Combine(rules, "more.rules"), """
            allow select on testdb.public when user has role 'auditor';
            allow select on testdb.public.customers, testdb.public.orders, testdb.public.order_items, testdb.public.sensitive_data;
            """);

        var reload = await ReloadAsync(proxy);
        var json = await reload.JsonAsync();

        Assert.Equal(HttpStatusCode.OK, reload.StatusCode);
        Assert.NotEqual((string?)json["previous_version"], (string?)json["version"]);
        var warning = Assert.Single(json["warnings"].Strings());
        Assert.EndsWith(
            "more.rules:1:17: warning: the allow on `testdb.public` never decides: every table in it has an unconditional rule of its own for `select`\n" +
            "  help: the most specific scope decides; give those rules conditions, or remove this one",
            warning);
    }

    /// <summary>A configuration like samples/sqlproxy.toml, pointing at the sample database (its secrets written in) and at <paramref name="rulesDirectory"/>.</summary>
    internal static string WriteConfig(SampleDatabase sample, string rulesDirectory, string? port = null)
    {
        var server = sample.Server;
        var toml = SampleToml.WithServer(SampleToml.Text(rulesDirectory), server, port);
        var path = Path.Combine(rulesDirectory, "sqlproxy.toml");
        File.WriteAllText(path, toml);
        return path;
    }

    internal static string CopyOfSampleRules()
    {
        var directory = Directory.CreateTempSubdirectory("sqlproxy-rules-").FullName;
        foreach (var file in Directory.GetFiles(Path.Combine(RepositoryPaths.Samples, "rules")))
            File.Copy(file, Path.Combine(directory, Path.GetFileName(file)));
        return directory;
    }

    private static Task<HttpResponseMessage> ReloadAsync(RunningProxy proxy)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/rules/reload");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", DemoKeys.Admin);
        return proxy.Client.SendAsync(request);
    }

    public void Dispose() => Directory.Delete(rules, recursive: true);
}
