namespace SqlProxy.Analysis.Walking.Scopes;

/// <summary>A WITH query by name. Its output is set once walked; a recursive CTE is visible to itself before that.</summary>
internal sealed class CteDefinition(string name, IReadOnlyList<string> columnAliases)
{
    public string Name { get; } = name;

    public QueryOutput Output { get; private set; } = QueryOutput.None.Renamed(columnAliases);

    public void Define(QueryOutput output) => Output = output.Renamed(columnAliases);
}
