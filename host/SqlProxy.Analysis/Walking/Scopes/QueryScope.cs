namespace SqlProxy.Analysis.Walking.Scopes;

/// <summary>
/// One query level: its FROM items and its WITH queries. Column references and CTE names not found
/// here are looked up in <see cref="Parent"/> (correlated subqueries, nested WITH).
/// </summary>
internal sealed class QueryScope(QueryScope? parent)
{
    private Dictionary<string, CteDefinition>? ctes;
    private int hidden;

    public QueryScope? Parent { get; } = parent;

    /// <summary>Everything column references resolve against: tables, subqueries, functions, join leaves.</summary>
    public List<FromItem> Items { get; } = [];

    /// <summary>The FROM clause's entries as written (a join is one entry): what <c>*</c> expands.</summary>
    public List<FromItem> FromEntries { get; } = [];

    /// <summary>Adds an entry that is both in scope and expanded by <c>*</c>.</summary>
    public void Add(FromItem item)
    {
        Items.Add(item);
        FromEntries.Add(item);
    }

    /// <summary>
    /// While a non-LATERAL subquery in FROM is walked, the items of this level are out of its
    /// reach; the WITH queries stay visible.
    /// </summary>
    public bool ItemsHidden => hidden > 0;

    public void AddCte(CteDefinition cte) => (ctes ??= [])[cte.Name] = cte;

    public CteDefinition? FindCte(string name)
    {
        for (var scope = this; scope is not null; scope = scope.Parent)
        {
            if (scope.ctes is not null && scope.ctes.TryGetValue(name, out var cte))
            {
                return cte;
            }
        }

        return null;
    }

    public void HideItems() => hidden++;

    public void ShowItems() => hidden--;
}
