using Tomlyn;
using Tomlyn.Model;

namespace SqlProxy.Host.Configuration;

/// <summary>Loads and validates <c>sqlproxy.toml</c>; every problem is collected and reported under its key.</summary>
public static class ConfigLoader
{
    public static ProxyConfig Load(string path, Func<string, string?>? environment = null)
    {
        var fullPath = Path.GetFullPath(path);
        if (!File.Exists(fullPath)) throw new ConfigException(path, [$"file not found: {fullPath}"]);
        TomlTable root;
        try
        {
            root = TomlSerializer.Deserialize<TomlTable>(File.ReadAllText(fullPath), (TomlSerializerOptions?)null) ?? [];
        }
        catch (TomlException e)
        {
            throw new ConfigException(path, [$"not valid TOML: {e.Message}"]);
        }

        var errors = new ConfigErrors();
        var baseDirectory = Path.GetDirectoryName(fullPath)!;
        var top = new TomlSection(root, "", errors, environment ?? Environment.GetEnvironmentVariable);
        var config = new ProxyConfig(
            fullPath,
            ReadServer(top.Table("server")),
            ReadLimits(top.Table("limits")),
            ReadDatabases(top),
            UserConfigReader.Read(top),
            ReadRules(top.Table("rules"), baseDirectory),
            ReadAudit(top.Table("audit")),
            ReadClassification(top.Table("classification")),
            PluginsConfigReader.Read(top, baseDirectory));
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
            section.Integer("max_body_bytes", 1_048_576, 1_024, 64L * 1_048_576));
        section.RejectUnknownKeys();
        return server;
    }

    private static LimitsConfig ReadLimits(TomlSection section)
    {
        var limits = new LimitsConfig(
            (int)section.Integer("max_sql_bytes", 100_000, 16, 1_048_576),
            (int)section.Integer("max_parse_depth", 1_000, 16, 10_000),
            (int)section.Integer("parse_cache_entries", 10_000, 0, 1_000_000));
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
                (int)section.Integer("schema_refresh_seconds", 60, 1, 86_400)));
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

    private static AuditConfig ReadAudit(TomlSection section)
    {
        section.Moved("file", "[plugins.audit_file] path (the built-in audit file plugin)");
        var audit = new AuditConfig(
            (int)section.Integer("queue_capacity", 10_000, 1, 10_000_000),
            (int)section.Integer("sink_timeout_ms", 10_000, 1, 600_000));
        section.RejectUnknownKeys();
        return audit;
    }

    private static ClassificationConfig ReadClassification(TomlSection section)
    {
        var classification = new ClassificationConfig((int)section.Integer("sample_rows", 100, 1, 10_000));
        section.RejectUnknownKeys();
        return classification;
    }
}
