using SqlProxy.Plugins.AuditPostgres;
using SqlProxy.Sdk;

namespace SqlProxy.Plugins.Tests.AuditPostgres;

/// <summary>The plugin's settings: what makes a sink, what is refused and how the refusal names the key.</summary>
public sealed class AuditPostgresPluginTests
{
    private const string Reachable = "Host=127.0.0.1;Port=1;Database=audit;Username=u;Password=s3cret-value";

    [Fact]
    public async Task Without_a_connection_string_there_is_no_sink()
    {
        var extensions = await CreateAsync(new() { ["schema"] = "x" });
        Assert.Empty(extensions.AuditSinks);
    }

    [Theory]
    [InlineData("schema", "audit-trail")]
    [InlineData("schema", "audit\"; DROP TABLE x; --")]
    [InlineData("table", "1records")]
    [InlineData("table", "")]
    [InlineData("table", "public.records")]
    public async Task A_name_that_is_not_a_plain_identifier_is_refused_naming_its_key(string key, string value)
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => CreateAsync(new() { ["connection_string"] = Reachable, [key] = value }));
        Assert.StartsWith($"`{key}` must be a plain identifier", error.Message);
    }

    [Theory]
    [InlineData("Host=h;Pasword=s3cret-value")]
    [InlineData("postgresql://u:s3cret-value@h:notaport/db")]
    [InlineData("Port=5432;Password=s3cret-value")]
    public async Task A_connection_string_that_does_not_parse_fails_each_write_naming_the_key_without_showing_it(string connectionString)
    {
        // Read at the first write, not at the load: see AuditPostgresPlugin.
        var extensions = await CreateAsync(new() { ["connection_string"] = connectionString });
        await using var sink = Assert.IsType<PostgresAuditSink>(Assert.Single(extensions.AuditSinks));
        for (var attempt = 0; attempt < 2; attempt++)
        {
            var error = await Assert.ThrowsAsync<InvalidOperationException>(() => sink.WriteAsync(SinkFactory.Batch("x", 1), CancellationToken.None).AsTask());
            Assert.StartsWith("`connection_string`", error.Message);
            Assert.DoesNotContain("s3cret-value", error.ToString());
        }
    }

    [Fact]
    public async Task An_empty_connection_string_is_refused_at_the_load()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => CreateAsync(new() { ["connection_string"] = " " }));
        Assert.StartsWith("`connection_string` must be", error.Message);
    }

    [Fact]
    public async Task A_setting_of_the_wrong_type_is_refused_naming_its_key()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => CreateAsync(new() { ["connection_string"] = Reachable, ["table"] = 5L }));
        Assert.Contains("`table`", error.Message);
    }

    [Fact]
    public async Task A_postgresql_uri_is_accepted_and_an_unreachable_database_fails_the_write_not_the_load()
    {
        var extensions = await CreateAsync(new() { ["connection_string"] = "postgresql://u:s3cret-value@127.0.0.1:1/audit?sslmode=disable" });
        await using var sink = Assert.IsType<PostgresAuditSink>(Assert.Single(extensions.AuditSinks));
        Assert.Equal("postgres", sink.Name);

        var failure = await Assert.ThrowsAsync<AuditWriteException>(() => sink.WriteAsync(SinkFactory.Batch("x", 1), CancellationToken.None).AsTask());
        Assert.Contains("sqlproxy_audit.records at 127.0.0.1:1/audit", failure.Message);
        Assert.DoesNotContain("s3cret-value", failure.ToString());
    }

    private static async Task<PluginExtensions> CreateAsync(Dictionary<string, object> values) =>
        await new AuditPostgresPlugin().CreateExtensionsAsync(new PluginSettings(values), CancellationToken.None);
}
