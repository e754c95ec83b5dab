using System.Security.Cryptography;
using System.Text;

namespace SqlProxy.Plugins.AuditPostgres;

/// <summary>The checked schema and table of the trail, with the SQL and the advisory lock key derived from them.</summary>
internal sealed record AuditTableName(string Schema, string Table)
{
    public const string DefaultSchema = "sqlproxy_audit";
    public const string DefaultTable = "records";

    /// <summary>The quoted <c>"schema"."table"</c>.</summary>
    public string Qualified => SqlName.Quote(Schema) + "." + SqlName.Quote(Table);

    /// <summary>For messages: <c>schema.table</c>.</summary>
    public override string ToString() => Schema + "." + Table;

    /// <summary>
    /// The key of the transaction-level advisory lock every writer of this table takes before reading the chain's
    /// end, so that writers in several processes append one after the other and never fork the chain.
    /// </summary>
    public long LockKey => BitConverter.ToInt64(SHA256.HashData(Encoding.UTF8.GetBytes("sqlproxy.audit_postgres:" + this)), 0);

    /// <summary>Creates the schema, the table and its indexes when missing.</summary>
    public IReadOnlyList<string> CreateStatements() =>
    [
        $"CREATE SCHEMA IF NOT EXISTS {SqlName.Quote(Schema)}",
        $"""
        CREATE TABLE IF NOT EXISTS {Qualified} (
            seq bigint PRIMARY KEY,
            audit_id text NOT NULL,
            request_id text NOT NULL,
            ts timestamptz NOT NULL,
            outcome text NOT NULL,
            user_name text,
            client_address text,
            database_name text,
            decision text,
            rule text,
            statement_kinds text[] NOT NULL,
            relations text[] NOT NULL,
            sql text,
            error_code text,
            duration_us bigint NOT NULL,
            row_count bigint,
            prev_hash text NOT NULL,
            hash text NOT NULL,
            entry text NOT NULL)
        """,
        $"CREATE INDEX IF NOT EXISTS {Index("ts")} ON {Qualified} (ts DESC)",
        $"CREATE INDEX IF NOT EXISTS {Index("user_ts")} ON {Qualified} (user_name, ts DESC)",
        $"CREATE INDEX IF NOT EXISTS {Index("decision_ts")} ON {Qualified} (decision, ts DESC)",
        $"CREATE INDEX IF NOT EXISTS {Index("relations")} ON {Qualified} USING GIN (relations)",
    ];

    // PostgreSQL truncates names to 63 bytes; the suffix is kept, so the names stay distinct.
    private string Index(string suffix) => SqlName.Quote((Table.Length + suffix.Length + 5 > 63 ? Table[..(63 - suffix.Length - 5)] : Table) + "_" + suffix + "_idx");
}
