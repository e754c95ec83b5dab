using SqlProxy.Plugins.AuditPostgres;
using SqlProxy.Sdk;

namespace SqlProxy.Plugins.Tests.AuditPostgres;

/// <summary>Makes sinks the way the host does: through the plugin, from settings.</summary>
internal static class SinkFactory
{
    public static async Task<PostgresAuditSink> CreateAsync(string connectionString, string table, string? schema = null)
    {
        var values = new Dictionary<string, object> { ["connection_string"] = connectionString, ["table"] = table };
        if (schema is not null) values["schema"] = schema;
        var extensions = await new AuditPostgresPlugin().CreateExtensionsAsync(new PluginSettings(values), CancellationToken.None);
        return Assert.IsType<PostgresAuditSink>(Assert.Single(extensions.AuditSinks));
    }

    public static AuditRecord[] Batch(string prefix, int count) =>
        Enumerable.Range(1, count).Select(i => AuditFile.AuditRecords.Minimal($"{prefix}-{i}") with { User = "analyst" }).ToArray();
}
