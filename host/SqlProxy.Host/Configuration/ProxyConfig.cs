namespace SqlProxy.Host.Configuration;

/// <summary>The whole of <c>sqlproxy.toml</c>, validated, with paths made absolute and secrets substituted.</summary>
public sealed record ProxyConfig(
    string SourcePath,
    ServerConfig Server,
    LimitsConfig Limits,
    IReadOnlyList<DatabaseConfig> Databases,
    IReadOnlyList<UserConfig> Users,
    RulesConfig Rules,
    AuditConfig Audit,
    ClassificationConfig Classification,
    PluginsConfig Plugins)
{
    /// <summary>The <c>[admin]</c> table: the admin token's hash.</summary>
    public AdminConfig Admin { get; init; } = AdminConfig.None;
}

/// <param name="Listen">The URL Kestrel listens on (the environment variable SQLPROXY_URL overrides it).</param>
/// <param name="TrustUserField">Dev only: let a request's <c>user</c> field choose the user.</param>
/// <param name="MaxBodyBytes">Largest request body accepted.</param>
/// <param name="LogFormat">How log lines are written: <c>text</c> (readable, the default) or <c>json</c> (compact JSON, one event a line).</param>
/// <param name="ShutdownTimeoutSeconds">How long a stop waits for requests in flight (and then the audit) before it gives up on them.</param>
public sealed record ServerConfig(string Listen, bool TrustUserField, long MaxBodyBytes, string LogFormat = ServerConfig.TextLogFormat, int ShutdownTimeoutSeconds = 30)
{
    /// <summary>The readable log format.</summary>
    public const string TextLogFormat = "text";

    /// <summary>The compact JSON log format.</summary>
    public const string JsonLogFormat = "json";
}

/// <param name="MaxSqlBytes">Longest SQL accepted, in UTF-8 bytes.</param>
/// <param name="MaxParseDepth">Deepest parse tree accepted (JSON nesting levels).</param>
/// <param name="ParseCacheEntries">Analyses kept in the parse cache.</param>
/// <param name="Traffic">Request rates, concurrent statements and the authentication lockout.</param>
public sealed record LimitsConfig(int MaxSqlBytes, int MaxParseDepth, int ParseCacheEntries, TrafficLimitsConfig Traffic);

/// <param name="Name">The name clients use in the <c>database</c> field.</param>
/// <param name="ConnectionString">Npgsql connection string (secrets substituted; never logged).</param>
/// <param name="Breaker">The circuit breaker's settings (<c>breaker_*</c>); null: <see cref="BreakerConfig.Default"/>.</param>
public sealed record DatabaseConfig(
    string Name,
    string ConnectionString,
    int StatementTimeoutMs,
    int MaxRows,
    int MaxPoolSize,
    int SchemaRefreshSeconds,
    BreakerConfig? Breaker = null);

/// <param name="ApiKeySha256">SHA-256 of the user's API key (32 bytes); the key itself is never stored.</param>
/// <param name="AllowedNetworks">The networks the user may connect from; null: any address.</param>
public sealed record UserConfig(
    string Name,
    byte[] ApiKeySha256,
    IReadOnlyList<string> Roles,
    IReadOnlyDictionary<string, string> Attributes,
    IReadOnlyList<System.Net.IPNetwork>? AllowedNetworks = null);

/// <param name="Paths">Absolute paths of rules files or directories.</param>
/// <param name="DisplayBase">The directory rules paths are reported relative to (the config file's).</param>
/// <param name="Watch">Reload when a rules file changes.</param>
public sealed record RulesConfig(IReadOnlyList<string> Paths, string DisplayBase, bool Watch);

/// <param name="SampleRows">Rows of each result shown to classifiers.</param>
public sealed record ClassificationConfig(int SampleRows);

/// <param name="BuiltInDirectory">
/// Absolute path of the built-in plugins' folders (<c>plugins/</c> beside the host's assembly), or null when
/// <c>plugins.builtin</c> is false.
/// </param>
/// <param name="Directory">Absolute path of the operator's plugins directory (one folder per plugin), or null: none.</param>
/// <param name="Watch">Reload the plugins when something under the directory changes.</param>
/// <param name="CallTimeoutMs">How long one call into a plugin may take before it is abandoned.</param>
/// <param name="Settings">Each plugin's <c>[plugins.&lt;name&gt;]</c> table, by plugin name.</param>
/// <param name="SettingsBase">The directory plugins resolve relative paths in their settings against (the config file's).</param>
public sealed record PluginsConfig(
    string? BuiltInDirectory,
    string? Directory,
    bool Watch,
    int CallTimeoutMs,
    IReadOnlyDictionary<string, SqlProxy.Sdk.PluginSettings> Settings,
    string? SettingsBase = null)
{
    /// <summary>Where the host's build puts the built-in plugins' folders.</summary>
    public static string DefaultBuiltInDirectory => Path.Combine(AppContext.BaseDirectory, "plugins");

    /// <summary>No <c>[plugins]</c> section: the built-in plugins with no settings, and no other directory.</summary>
    public static PluginsConfig Default { get; } = new(DefaultBuiltInDirectory, null, false, 1000, new Dictionary<string, SqlProxy.Sdk.PluginSettings>());

    /// <summary>The settings handed to the plugin named <paramref name="name"/>: its table, or none.</summary>
    public SqlProxy.Sdk.PluginSettings SettingsFor(string name) =>
        Settings.GetValueOrDefault(name) ?? SqlProxy.Sdk.PluginSettings.Empty with { BaseDirectory = SettingsBase };

    /// <summary>The folders searched, built-in ones first, each with the source it is reported under.</summary>
    public IEnumerable<(string Source, string Path)> Directories()
    {
        if (BuiltInDirectory is not null) yield return (PluginSources.BuiltIn, BuiltInDirectory);
        if (Directory is not null) yield return (PluginSources.Directory, Directory);
    }
}

/// <summary>Where a plugin folder was found.</summary>
public static class PluginSources
{
    /// <summary>The plugins shipped with the host.</summary>
    public const string BuiltIn = "builtin";

    /// <summary>The operator's <c>plugins.directory</c>.</summary>
    public const string Directory = "directory";
}
