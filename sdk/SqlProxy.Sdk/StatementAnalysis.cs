namespace SqlProxy.Sdk;

/// <summary>What one SQL statement does, as read from PostgreSQL's own parse tree.</summary>
public sealed record StatementAnalysis
{
    /// <summary>The statement's kind.</summary>
    public required StatementKind Kind { get; init; }

    /// <summary>The statement's own text, cut from the request.</summary>
    public required string Sql { get; init; }

    /// <summary>libpg_query's fingerprint: equal for statements that differ only in constants.</summary>
    public required string Fingerprint { get; init; }

    /// <summary>Everything the statement does, one entry per operation and relation.</summary>
    public required IReadOnlyList<StatementAccess> Accesses { get; init; }

    /// <summary>Relations read anywhere in the statement (CTE names are not relations).</summary>
    public required IReadOnlyList<RelationName> RelationsRead { get; init; }

    /// <summary>Relations written or defined by the statement, data-modifying CTEs included.</summary>
    public required IReadOnlyList<RelationName> RelationsWritten { get; init; }

    /// <summary>The output columns in order, with their sources; empty when nothing is returned.</summary>
    public required IReadOnlyList<ProjectedColumn> Projection { get; init; }

    /// <summary>Every column read anywhere: projection, WHERE, JOIN, GROUP BY, ORDER BY, HAVING, subqueries.</summary>
    public required IReadOnlyList<QualifiedColumn> ColumnsRead { get; init; }

    /// <summary>Columns written by INSERT, UPDATE or MERGE.</summary>
    public required IReadOnlyList<QualifiedColumn> ColumnsWritten { get; init; }

    /// <summary>Whether the top-level statement has a WHERE clause.</summary>
    public required bool HasWhere { get; init; }

    /// <summary>The top-level constant LIMIT, or null when there is none or it is not a constant.</summary>
    public required long? Limit { get; init; }

    /// <summary>Constructs not fully understood, and the safe reading taken for each.</summary>
    public required IReadOnlyList<string> Notes { get; init; }
}
