using Npgsql;
using SqlProxy.Host.Audit.Verification;
using SqlProxy.Sdk;

namespace SqlProxy.Host.Audit.Query;

/// <summary>
/// Where the audit API reads: the PostgreSQL sink's table, from the sink's own settings
/// (<c>[plugins.audit_postgres]</c> <c>connection_string</c>, <c>schema</c>, <c>table</c>). <see cref="Problem"/> says
/// why there is nothing to read when the settings name no usable table.
/// </summary>
internal sealed record AuditStoreSettings(string? ConnectionString, string Schema, string Table, string Description, string? Problem)
{
    public const string PluginName = "audit_postgres";
    private const int ConnectTimeoutSeconds = 5;

    public static AuditStoreSettings From(PluginSettings settings)
    {
        string? text, schema, table;
        try
        {
            text = settings.GetString("connection_string");
            schema = settings.GetString("schema") ?? AuditTable.DefaultSchema;
            table = settings.GetString("table") ?? AuditTable.DefaultTable;
        }
        catch (InvalidOperationException e)
        {
            return Unavailable($"[plugins.{PluginName}]: {e.Message}");
        }
        if (string.IsNullOrWhiteSpace(text))
            return Unavailable($"the audit can be queried only from the PostgreSQL audit sink: set [plugins.{PluginName}] connection_string");
        if (!AuditTable.IsPlainIdentifier(schema)) return Unavailable($"[plugins.{PluginName}] `schema` is not a plain identifier");
        if (!AuditTable.IsPlainIdentifier(table)) return Unavailable($"[plugins.{PluginName}] `table` is not a plain identifier");

        NpgsqlConnectionStringBuilder builder;
        try
        {
            builder = PostgresConnectionString.Parse(text, ConnectTimeoutSeconds);
        }
        catch (FormatException e)
        {
            return Unavailable($"[plugins.{PluginName}] `connection_string` is not valid: {e.Message}");
        }
        builder.ApplicationName ??= "sqlproxy-audit-query";
        return new AuditStoreSettings(builder.ConnectionString, schema, table, $"{schema}.{table} at {PostgresConnectionString.Describe(builder)}", null);
    }

    /// <summary>The quoted table name for SQL.</summary>
    public string QualifiedTable => AuditTable.Qualified(Schema, Table);

    /// <summary>Shows no secret.</summary>
    public override string ToString() => Problem ?? Description;

    private static AuditStoreSettings Unavailable(string problem) => new(null, AuditTable.DefaultSchema, AuditTable.DefaultTable, "", problem);
}
