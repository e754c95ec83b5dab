using SqlProxy.Sdk;

namespace SqlProxy.Analysis.Walking.Scopes;

/// <summary>
/// A subquery, CTE reference, VALUES list or table function in scope: its columns are the outputs
/// of a query, resolved back to the relation columns they derive from.
/// </summary>
/// <param name="name">The alias or CTE name.</param>
/// <param name="output">The outputs.</param>
/// <param name="anyColumnSources">
/// For table functions, whose columns are not known: what any column derives from (the arguments).
/// </param>
internal sealed class DerivedItem(string? name, QueryOutput output, IReadOnlyList<QualifiedColumn>? anyColumnSources = null)
    : FromItem(name)
{
    public override string Describe() => Name is null ? "a subquery" : $"`{Name}`";

    public override ColumnMatch Has(string column)
    {
        foreach (var candidate in output.Columns)
        {
            if (candidate.Name == column)
            {
                return ColumnMatch.Yes;
            }
        }

        return output.OpenRelations.Count > 0 || anyColumnSources is not null ? ColumnMatch.Maybe : ColumnMatch.No;
    }

    public override void Resolve(string column, WalkContext context, SourceSet sources)
    {
        var found = false;
        foreach (var candidate in output.Columns)
        {
            if (candidate.Name == column)
            {
                sources.AddRange(candidate.Sources);
                found = true;
            }
        }

        if (found)
        {
            return;
        }

        foreach (var relation in output.OpenRelations)
        {
            sources.Add(new QualifiedColumn(relation, column));
        }

        if (anyColumnSources is not null)
        {
            sources.AddRange(anyColumnSources);
        }
    }

    public override QueryOutput Expand(WalkContext context) => output;

    public override IReadOnlyList<string>? OutputNames() =>
        output.OpenRelations.Count > 0 ? null : [.. output.Columns.Select(c => c.Name)];
}
