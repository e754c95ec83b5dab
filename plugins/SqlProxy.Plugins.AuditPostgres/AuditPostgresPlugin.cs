using SqlProxy.Sdk;

namespace SqlProxy.Plugins.AuditPostgres;

/// <summary>
/// The plugin <c>audit_postgres</c>: a <see cref="PostgresAuditSink"/> writing a hash-chained trail into a PostgreSQL
/// table. Settings: <c>connection_string</c> (an Npgsql connection string or a <c>postgresql://</c> URI; without it the
/// plugin contributes no sink), <c>schema</c> (default <c>sqlproxy_audit</c>) and <c>table</c> (default <c>records</c>).
/// Nothing here touches Npgsql or the network: the database may be down when the host starts (the sink creates its
/// table at its first write), and loading Npgsql cold can take longer than the host gives a plugin to load. The
/// connection string is therefore read at the first write, whose failure names the key.
/// </summary>
public sealed class AuditPostgresPlugin : IPlugin
{
    /// <summary>The setting holding the connection string.</summary>
    public const string ConnectionStringSetting = "connection_string";

    /// <summary>The setting naming the schema.</summary>
    public const string SchemaSetting = "schema";

    /// <summary>The setting naming the table.</summary>
    public const string TableSetting = "table";

    /// <inheritdoc />
    public string Name => "audit_postgres";

    /// <inheritdoc />
    public string Version => "1.0.0";

    /// <inheritdoc />
    /// <exception cref="InvalidOperationException">A setting is of the wrong type or empty, or a name is not a plain identifier.</exception>
    public ValueTask<PluginExtensions> CreateExtensionsAsync(PluginSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        cancellationToken.ThrowIfCancellationRequested();
        var connectionString = settings.GetString(ConnectionStringSetting);
        if (connectionString is null) return ValueTask.FromResult(new PluginExtensions());
        if (connectionString.Trim().Length == 0)
            throw new InvalidOperationException($"`{ConnectionStringSetting}` must be a PostgreSQL connection string, not empty.");

        var table = new AuditTableName(
            SqlName.Plain(SchemaSetting, settings.GetString(SchemaSetting) ?? AuditTableName.DefaultSchema),
            SqlName.Plain(TableSetting, settings.GetString(TableSetting) ?? AuditTableName.DefaultTable));
        return ValueTask.FromResult(new PluginExtensions { AuditSinks = [new PostgresAuditSink(ConnectionStringSetting, connectionString, table)] });
    }
}
