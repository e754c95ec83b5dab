using SqlProxy.Sdk;

namespace SqlProxy.Rules.Tests.Support;

/// <summary>Builds hand-made statement analyses: tables are in <c>testdb.public</c> unless written <c>schema.table</c>.</summary>
static class Statements
{
    public static RelationName Table(string name)
    {
        var parts = name.Split('.');
        return parts.Length switch
        {
            1 => new RelationName("testdb", "public", parts[0]),
            2 => new RelationName("testdb", parts[0], parts[1]),
            _ => new RelationName(parts[0], parts[1], parts[2]),
        };
    }

    public static StatementAccess Access(StatementKind operation, string table, params string[] columns) =>
        new(operation, Table(table), columns);

    public static StatementAccess OnDatabase(StatementKind operation) => new(operation, null, []);

    public static StatementAnalysis Statement(StatementKind kind, params StatementAccess[] accesses) => new()
    {
        Kind = kind,
        Sql = "-- hand-built",
        Fingerprint = "0",
        Accesses = accesses,
        RelationsRead = [],
        RelationsWritten = [],
        Projection = [],
        ColumnsRead = [],
        ColumnsWritten = [],
        HasWhere = false,
        Limit = null,
        Notes = [],
    };

    public static StatementAnalysis Select(string table, params string[] columns) =>
        Statement(StatementKind.Select, Access(StatementKind.Select, table, columns));

    public static StatementAnalysis Write(StatementKind kind, string table, params string[] columns) =>
        Statement(kind, Access(kind, table, columns));
}
