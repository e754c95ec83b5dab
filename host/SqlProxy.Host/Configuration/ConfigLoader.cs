namespace SqlProxy.Host.Configuration;

/// <summary>
/// Loads and validates <c>sqlproxy.toml</c> and the files it includes (<see cref="ConfigIncludes"/>); every problem is
/// collected and reported under its key (array entries with their index: <c>databases[0].connection_string</c>), and
/// under its file when an included file set it. Relative paths in any of the files (rules, plugins, plugin settings)
/// are relative to the main file's directory.
/// </summary>
public static class ConfigLoader
{
    /// <summary>Reads the configuration at <paramref name="path"/>.</summary>
    /// <param name="path">The main configuration file.</param>
    /// <param name="environment">Where <c>${NAME}</c> is looked up; the process environment by default.</param>
    /// <exception cref="ConfigException">The configuration cannot be used; every problem is listed.</exception>
    public static ProxyConfig Load(string path, Func<string, string?>? environment = null)
    {
        var fullPath = Path.GetFullPath(path);
        if (!File.Exists(fullPath)) throw new ConfigException(path, [$"file not found: {fullPath}"]);
        var baseDirectory = Path.GetDirectoryName(fullPath)!;
        var origins = new ConfigOrigins(ConfigIncludes.Display(baseDirectory, fullPath));
        var errors = new ConfigErrors(origins);
        var root = ConfigIncludes.Read(fullPath, origins, errors);
        var top = new TomlSection(root, "", errors, environment ?? Environment.GetEnvironmentVariable);
        var config = new ProxyConfig(
            fullPath,
            ReadServer(top.Table("server")),
            ReadLimits(top.Table("limits")),
            ReadDatabases(top),
            UserConfigReader.Read(top),
            ReadRules(top.Table("rules"), baseDirectory),
            AuditConfigReader.Read(top.Table("audit"), baseDirectory),
            ReadClassification(top.Table("classification")),
            PluginsConfigReader.Read(top, baseDirectory))
        {
            Admin = AdminConfigReader.Read(top.Table("admin")),
        };
        top.Moved("masking", "[plugins.maskers] hash_key (the built-in maskers plugin)");
        top.RejectUnknownKeys();
        if (errors.All.Count > 0) throw new ConfigException(path, errors.All);
        return config;
    }

    private static ServerConfig ReadServer(TomlSection section)
    {
        var listen = section.String("listen", "http://127.0.0.1:8080")!;
        if (!Uri.TryCreate(listen, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            section.Errors.Add(section.KeyOf("listen"), $"`{listen}` is not an http:// or https:// URL");
        var server = new ServerConfig(
            listen,
            section.Boolean("trust_user_field", false),
            section.Integer("max_body_bytes", 1_048_576, 1_024, 64L * 1_048_576),
            section.String("log_format", ServerConfig.TextLogFormat)!,
            (int)section.Integer("shutdown_timeout_seconds", 30, 1, 600));
        if (server.LogFormat is not (ServerConfig.TextLogFormat or ServerConfig.JsonLogFormat))
            section.Errors.Add(section.KeyOf("log_format"), $"`{server.LogFormat}` is not one of \"text\" (readable lines) or \"json\" (compact JSON, one event a line)");
        section.RejectUnknownKeys();
        return server;
    }

    private static LimitsConfig ReadLimits(TomlSection section)
    {
        var limits = new LimitsConfig(
            (int)section.Integer("max_sql_bytes", 100_000, 16, 1_048_576),
            (int)section.Integer("max_parse_depth", 1_000, 16, 10_000),
            (int)section.Integer("parse_cache_entries", 10_000, 0, 1_000_000),
            LimitsConfigReader.Read(section));
        section.RejectUnknownKeys();
        return limits;
    }

    private static IReadOnlyList<DatabaseConfig> ReadDatabases(TomlSection top)
    {
        var databases = new List<DatabaseConfig>();
        foreach (var section in top.TableArray("databases"))
        {
            var name = section.String("name", required: true) ?? "";
            databases.Add(new DatabaseConfig(
                name,
                section.String("connection_string", required: true) ?? "",
                (int)section.Integer("statement_timeout_ms", 30_000, 1, 3_600_000),
                (int)section.Integer("max_rows", 10_000, 1, 10_000_000),
                (int)section.Integer("max_pool_size", 20, 1, 1_000),
                (int)section.Integer("schema_refresh_seconds", 60, 1, 86_400),
                BreakerConfigReader.Read(section)));
            section.RejectUnknownKeys();
        }
        if (databases.Count == 0) top.Errors.Add("databases", "at least one [[databases]] entry is required");
        foreach (var duplicate in databases.GroupBy(d => d.Name).Where(g => g.Count() > 1))
            top.Errors.Add("databases", $"`{duplicate.Key}` is configured more than once");
        return databases;
    }

    private static RulesConfig ReadRules(TomlSection section, string baseDirectory)
    {
        var paths = section.StringList("paths");
        if (paths.Count == 0) section.Errors.Add(section.KeyOf("paths"), "name at least one rules file or directory");
        var watch = section.Boolean("watch", true);
        section.RejectUnknownKeys();
        return new RulesConfig(paths.Select(p => Path.GetFullPath(p, baseDirectory)).ToArray(), baseDirectory, watch);
    }

    private static ClassificationConfig ReadClassification(TomlSection section)
    {
        var classification = new ClassificationConfig((int)section.Integer("sample_rows", 100, 1, 10_000));
        section.RejectUnknownKeys();
        return classification;
    }
}
