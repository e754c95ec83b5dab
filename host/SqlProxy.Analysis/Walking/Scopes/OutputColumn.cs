using SqlProxy.Sdk;

namespace SqlProxy.Analysis.Walking.Scopes;

/// <summary>An output column of a query, subquery or CTE and the relation columns it derives from.</summary>
internal sealed record OutputColumn(string Name, IReadOnlyList<QualifiedColumn> Sources)
{
    public ProjectedColumn ToProjected() => new(Name, [.. Sources]);
}
