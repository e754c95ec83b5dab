using SqlProxy.Analysis.Walking.Scopes;
using SqlProxy.Sdk;

namespace SqlProxy.Analysis.Walking;

/// <summary>What a statement's walk found besides its accesses.</summary>
/// <param name="Kind">The statement's kind.</param>
/// <param name="Output">What it returns (SELECT list or RETURNING); none for DDL and utilities.</param>
/// <param name="HasWhere">Whether the top-level statement has a WHERE clause.</param>
/// <param name="Limit">Its constant LIMIT, if any.</param>
internal sealed record StatementShape(StatementKind Kind, QueryOutput Output, bool HasWhere = false, long? Limit = null)
{
    public static StatementShape Utility(StatementKind kind) => new(kind, QueryOutput.None);
}
