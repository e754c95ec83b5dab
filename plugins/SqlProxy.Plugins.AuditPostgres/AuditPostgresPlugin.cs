using SqlProxy.Sdk;

namespace SqlProxy.Plugins.AuditPostgres;

/// <summary>The plugin <c>audit_postgres</c>: an audit sink writing to a PostgreSQL table. (Being written: no sink yet.)</summary>
public sealed class AuditPostgresPlugin : IPlugin
{
    /// <inheritdoc />
    public string Name => "audit_postgres";

    /// <inheritdoc />
    public string Version => "1.0.0";

    /// <inheritdoc />
    public ValueTask<PluginExtensions> CreateExtensionsAsync(PluginSettings settings, CancellationToken cancellationToken) =>
        ValueTask.FromResult(new PluginExtensions());
}
