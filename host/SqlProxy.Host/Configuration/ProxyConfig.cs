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
    MaskingConfig Masking,
    PluginsConfig Plugins);

/// <param name="Listen">The URL Kestrel listens on (the environment variable SQLPROXY_URL overrides it).</param>
/// <param name="TrustUserField">Dev only: let a request's <c>user</c> field choose the user.</param>
/// <param name="MaxBodyBytes">Largest request body accepted.</param>
public sealed record ServerConfig(string Listen, bool TrustUserField, long MaxBodyBytes);

/// <param name="MaxSqlBytes">Longest SQL accepted, in UTF-8 bytes.</param>
/// <param name="MaxParseDepth">Deepest parse tree accepted (JSON nesting levels).</param>
/// <param name="ParseCacheEntries">Analyses kept in the parse cache.</param>
public sealed record LimitsConfig(int MaxSqlBytes, int MaxParseDepth, int ParseCacheEntries);

/// <param name="Name">The name clients use in the <c>database</c> field.</param>
/// <param name="ConnectionString">Npgsql connection string (secrets substituted; never logged).</param>
public sealed record DatabaseConfig(
    string Name,
    string ConnectionString,
    int StatementTimeoutMs,
    int MaxRows,
    int MaxPoolSize,
    int SchemaRefreshSeconds);

/// <param name="ApiKeySha256">SHA-256 of the user's API key (32 bytes); the key itself is never stored.</param>
public sealed record UserConfig(
    string Name,
    byte[] ApiKeySha256,
    IReadOnlyList<string> Roles,
    IReadOnlyDictionary<string, string> Attributes);

/// <param name="Paths">Absolute paths of rules files or directories.</param>
/// <param name="DisplayBase">The directory rules paths are reported relative to (the config file's).</param>
/// <param name="Watch">Reload when a rules file changes.</param>
public sealed record RulesConfig(IReadOnlyList<string> Paths, string DisplayBase, bool Watch);

/// <param name="FilePath">Absolute path of the JSON-lines audit file.</param>
/// <param name="QueueCapacity">Records held in memory before writers wait.</param>
public sealed record AuditConfig(string FilePath, int QueueCapacity);

/// <param name="SampleRows">Rows of each result shown to classifiers.</param>
public sealed record ClassificationConfig(int SampleRows);

/// <param name="HashKey">The secret key of the <c>hash</c> masker (UTF-8 of <c>masking.hash_key</c>), or null: then rules that name <c>hash</c> redact instead.</param>
public sealed record MaskingConfig(byte[]? HashKey);

/// <param name="Directory">Absolute path of the plugins directory (one folder per plugin), or null: no <c>[plugins]</c> section, no plugins.</param>
/// <param name="Watch">Reload the plugins when something under the directory changes.</param>
/// <param name="CallTimeoutMs">How long a plugin may take to be created and to create its extensions.</param>
/// <param name="Settings">Each plugin's <c>[plugins.&lt;name&gt;]</c> table, by plugin name.</param>
public sealed record PluginsConfig(string? Directory, bool Watch, int CallTimeoutMs, IReadOnlyDictionary<string, SqlProxy.Sdk.PluginSettings> Settings)
{
    /// <summary>No <c>[plugins]</c> section: no plugins are loaded.</summary>
    public static PluginsConfig None { get; } = new(null, false, 1000, new Dictionary<string, SqlProxy.Sdk.PluginSettings>());
}
