using SqlProxy.PrivatePostgres;

namespace SqlProxy.Host.Tests.Support;

/// <summary>
/// samples/sqlproxy.toml made fit for a test that writes it into a directory of its own: the sample rules (or others)
/// by absolute path, and the audit file and spill directory inside that directory, so nothing is written outside it.
/// </summary>
public static class SampleToml
{
    public static string Text(string? rulesDirectory = null) =>
        File.ReadAllText(Path.Combine(RepositoryPaths.Samples, "sqlproxy.toml"))
            .Replace("paths = [\"rules\"]", $"paths = [\"{(rulesDirectory ?? Path.Combine(RepositoryPaths.Samples, "rules")).Replace('\\', '/')}\"]", StringComparison.Ordinal)
            .Replace("path = \"../.sqlproxy/audit/audit.jsonl\"", "path = \"audit.jsonl\"", StringComparison.Ordinal)
            .Replace("spill_directory = \"../.sqlproxy/audit-spill\"", "spill_directory = \"audit-spill\"", StringComparison.Ordinal);

    /// <summary>The <c>SQLPROXY_DB_*</c> variables the sample configuration reads, pointing at <paramref name="server"/>.</summary>
    public static Func<string, string?> Environment(PrivatePostgresServer server)
    {
        var variables = new Dictionary<string, string>
        {
            ["SQLPROXY_DB_HOST"] = server.Host,
            ["SQLPROXY_DB_PORT"] = server.Port.ToString(),
            ["SQLPROXY_DB_USER"] = server.Username,
            ["SQLPROXY_DB_PASSWORD"] = server.Password,
        };
        return name => variables.GetValueOrDefault(name);
    }

    /// <summary>The database connection written in, instead of read from <c>SQLPROXY_DB_*</c>.</summary>
    public static string WithServer(string toml, PrivatePostgresServer server, string? port = null) => toml
        .Replace("${SQLPROXY_DB_HOST:-127.0.0.1}", server.Host, StringComparison.Ordinal)
        .Replace("${SQLPROXY_DB_PORT:-5432}", port ?? server.Port.ToString(), StringComparison.Ordinal)
        .Replace("${SQLPROXY_DB_USER:-sqlproxy}", server.Username, StringComparison.Ordinal)
        .Replace("${SQLPROXY_DB_PASSWORD}", server.Password, StringComparison.Ordinal);
}
