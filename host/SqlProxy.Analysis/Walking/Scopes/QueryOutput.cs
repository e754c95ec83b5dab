using SqlProxy.Sdk;

namespace SqlProxy.Analysis.Walking.Scopes;

/// <summary>
/// What a query returns. <see cref="OpenRelations"/> are relations whose <c>*</c> was returned
/// without the schema knowing their columns: any column name asked of the output may be one of theirs.
/// </summary>
internal sealed record QueryOutput(IReadOnlyList<OutputColumn> Columns, IReadOnlyList<RelationName> OpenRelations)
{
    public static QueryOutput None { get; } = new([], []);

    /// <summary>The output seen through a column alias list, as in <c>AS s(a, b)</c>: the first columns are renamed.</summary>
    public QueryOutput Renamed(IReadOnlyList<string> aliases)
    {
        if (aliases.Count == 0)
        {
            return this;
        }

        var renamed = new List<OutputColumn>(Math.Max(aliases.Count, Columns.Count));
        for (var i = 0; i < Math.Max(aliases.Count, Columns.Count); i++)
        {
            var sources = i < Columns.Count ? Columns[i].Sources : [];
            renamed.Add(new OutputColumn(i < aliases.Count ? aliases[i] : Columns[i].Name, sources));
        }

        return this with { Columns = renamed };
    }

    /// <summary>Set operations and VALUES rows: columns are matched by position, names come from the first.</summary>
    public QueryOutput MergedPositionally(QueryOutput other)
    {
        var merged = new List<OutputColumn>(Math.Max(Columns.Count, other.Columns.Count));
        for (var i = 0; i < Math.Max(Columns.Count, other.Columns.Count); i++)
        {
            var sources = new SourceSet();
            if (i < Columns.Count)
            {
                sources.AddRange(Columns[i].Sources);
            }

            if (i < other.Columns.Count)
            {
                sources.AddRange(other.Columns[i].Sources);
            }

            merged.Add(new OutputColumn(i < Columns.Count ? Columns[i].Name : other.Columns[i].Name, sources.Columns));
        }

        return new QueryOutput(merged, [.. OpenRelations.Union(other.OpenRelations)]);
    }
}
