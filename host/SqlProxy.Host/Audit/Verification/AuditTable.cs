using System.Text.RegularExpressions;

namespace SqlProxy.Host.Audit.Verification;

/// <summary>
/// Where the built-in PostgreSQL audit sink (<c>audit_postgres</c>) keeps its trail, as the host reads it for
/// <c>sqlproxy audit verify</c> and <c>GET /api/v1/audit</c>. The plugin creates the table; this side only reads.
/// Schema and table are plain identifiers (as the plugin requires), always quoted in SQL.
/// </summary>
internal static partial class AuditTable
{
    public const string DefaultSchema = "sqlproxy_audit";
    public const string DefaultTable = "records";

    /// <summary>Whether <paramref name="name"/> is a letter or <c>_</c>, then letters, digits or <c>_</c>, at most 63 characters.</summary>
    public static bool IsPlainIdentifier(string? name) => name is not null && PlainIdentifier().IsMatch(name);

    /// <summary>The quoted <c>"schema"."table"</c> of checked plain identifiers.</summary>
    /// <exception cref="ArgumentException">A name is not a plain identifier.</exception>
    public static string Qualified(string schema, string table)
    {
        if (!IsPlainIdentifier(schema)) throw new ArgumentException($"the schema `{schema}` is not a plain identifier", nameof(schema));
        if (!IsPlainIdentifier(table)) throw new ArgumentException($"the table `{table}` is not a plain identifier", nameof(table));
        return $"\"{schema}\".\"{table}\"";
    }

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]{0,62}$")]
    private static partial Regex PlainIdentifier();
}
