using System.Text;
using SqlProxy.Host.Configuration;
using SqlProxy.PrivatePostgres;

namespace SqlProxy.Benchmarks.Bench;

/// <summary>
/// samples/sqlproxy.toml in a temporary directory, its paths adjusted the way the host tests adjust them (the sample
/// rules, the audit file and spill folder in the temporary directory), plus <see cref="GeneratedRuleCount"/> generated
/// rules beside the sample rules, so that a decision consults about a hundred rules.
/// </summary>
internal sealed class BenchConfig : IDisposable
{
    /// <summary>Rules added to the sample ones; none of them applies to the demo users, but each is consulted.</summary>
    public const int GeneratedRuleCount = 85;

    private BenchConfig(string directory, ProxyConfig config)
    {
        Directory = directory;
        Config = config;
    }

    public string Directory { get; }

    public ProxyConfig Config { get; }

    public string AuditFile => Path.Combine(Directory, "audit.jsonl");

    /// <param name="server">The database the proxy serves; null when nothing will connect (micro-benchmarks).</param>
    public static BenchConfig Create(PrivatePostgresServer? server)
    {
        var directory = System.IO.Directory.CreateTempSubdirectory("sqlproxy-bench-").FullName;
        var samples = RepositoryPaths.Samples;
        var generated = Path.Combine(directory, "generated.rules");
        File.WriteAllText(generated, GenerateRules(GeneratedRuleCount));
        var toml = File.ReadAllText(Path.Combine(samples, "sqlproxy.toml"))
            .Replace("paths = [\"rules\"]", $"paths = [\"{Path.Combine(samples, "rules")}\", \"{generated}\"]")
            .Replace("watch = true", "watch = false")
            .Replace("path = \"../.sqlproxy/audit/audit.jsonl\"", "path = \"audit.jsonl\"")
            .Replace("spill_directory = \"../.sqlproxy/audit-spill\"", "spill_directory = \"audit-spill\"");
        var configPath = Path.Combine(directory, "sqlproxy.toml");
        File.WriteAllText(configPath, toml);
        var environment = new Dictionary<string, string>
        {
            ["SQLPROXY_DB_HOST"] = server?.Host ?? "127.0.0.1",
            ["SQLPROXY_DB_PORT"] = (server?.Port ?? 5432).ToString(),
            ["SQLPROXY_DB_USER"] = server?.Username ?? "unused",
            ["SQLPROXY_DB_PASSWORD"] = server?.Password ?? "unused",
        };
        return new BenchConfig(directory, ConfigLoader.Load(configPath, name => environment.GetValueOrDefault(name)));
    }

    /// <summary>
    /// Allows and column blocks on the sample tables for roles no demo user has: they validate against the sample
    /// schema and sit in the same scopes as the sample rules, so the rule index cannot skip them.
    /// </summary>
    public static string GenerateRules(int count)
    {
        string[] tables = ["customers", "orders", "order_items"];
        string[] columns = ["customers.address", "orders.amount", "order_items.unit_price"];
        var text = new StringBuilder();
        for (var i = 0; i < count; i++)
        {
            text.AppendLine(i % 3 == 2
                ? $"rule 'generated {i}' block select on testdb.public.{columns[i % columns.Length]} when user has role 'team{i}' because 'generated';"
                : $"rule 'generated {i}' allow select on testdb.public.{tables[i % tables.Length]} when user has role 'team{i}' and user.attributes.region == 'r{i}';");
        }
        return text.ToString();
    }

    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A sink may still hold its file for a moment; a leftover temporary directory is harmless.
        }
    }
}
