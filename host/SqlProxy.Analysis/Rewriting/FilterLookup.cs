using PgQuery;

namespace SqlProxy.Analysis.Rewriting;

/// <summary>
/// The bound predicates of the filters on one database, found by the name a statement uses. An unqualified name is
/// looked up in <c>public</c> (the analyzer's convention) and also in <c>pg_catalog</c>, which PostgreSQL searches
/// first: filtering both can only show fewer rows, never more.
/// </summary>
internal sealed class FilterLookup
{
    private readonly string database;
    private readonly Dictionary<(string Schema, string Name), List<Node>> predicates;

    private FilterLookup(string database, Dictionary<(string Schema, string Name), List<Node>> predicates)
    {
        this.database = database;
        this.predicates = predicates;
    }

    /// <summary>True when no filter is on a relation of this database.</summary>
    public bool IsEmpty => predicates.Count == 0;

    /// <summary>Reads and binds every filter on <paramref name="database"/>.</summary>
    /// <exception cref="RowFilterException">A predicate or its values are unusable.</exception>
    public static FilterLookup Create(string database, IReadOnlyList<TableFilter> filters, AnalysisLimits limits)
    {
        var predicates = new Dictionary<(string Schema, string Name), List<Node>>();
        foreach (var filter in filters)
        {
            ArgumentNullException.ThrowIfNull(filter);
            if (!string.Equals(filter.Table.Database, database, StringComparison.Ordinal))
            {
                continue;
            }

            var key = (filter.Table.Schema, filter.Table.Name);
            if (!predicates.TryGetValue(key, out var list))
            {
                predicates[key] = list = [];
            }

            list.Add(Bind(filter, limits));
        }

        return new FilterLookup(database, predicates);
    }

    /// <summary>The predicates every read of <paramref name="relation"/> must satisfy (shared: copy before changing), or empty.</summary>
    public IReadOnlyList<Node> For(RangeVar relation)
    {
        if (relation.Catalogname.Length > 0 && !string.Equals(relation.Catalogname, database, StringComparison.Ordinal))
        {
            return [];
        }

        if (relation.Schemaname.Length > 0)
        {
            return predicates.GetValueOrDefault((relation.Schemaname, relation.Relname)) ?? [];
        }

        var inPublic = predicates.GetValueOrDefault(("public", relation.Relname));
        var inCatalog = predicates.GetValueOrDefault(("pg_catalog", relation.Relname));
        return inCatalog is null ? inPublic ?? [] : inPublic is null ? inCatalog : [.. inPublic, .. inCatalog];
    }

    private static Node Bind(TableFilter filter, AnalysisLimits limits)
    {
        var template = PredicateReader.TryRead(filter.Predicate ?? "", limits, out var error)
            ?? throw Unusable(filter, error!);
        if (FilterValues.FindProblem(filter.Values ?? []) is { } badValue)
        {
            throw Unusable(filter, badValue);
        }

        if (template.HighestParameter > (filter.Values?.Count ?? 0))
        {
            throw Unusable(filter, PredicateReader.MissingValues(filter.Predicate!, template.HighestParameter, filter.Values?.Count ?? 0));
        }

        return ParameterBinder.Bind(template, filter.Values ?? []);
    }

    private static RowFilterException Unusable(TableFilter filter, string problem) =>
        new($"the row filter on `{filter.Table}` cannot be applied: {problem}");
}
