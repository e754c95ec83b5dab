using SqlProxy.Sdk;

namespace SqlProxy.Analysis.Walking.Scopes;

/// <summary>The relation columns a value derives from, distinct, in order of first appearance.</summary>
internal sealed class SourceSet
{
    private readonly List<QualifiedColumn> columns = [];
    private readonly HashSet<QualifiedColumn> seen = [];

    public IReadOnlyList<QualifiedColumn> Columns => columns;

    public void Add(QualifiedColumn column)
    {
        if (seen.Add(column))
        {
            columns.Add(column);
        }
    }

    public void AddRange(IEnumerable<QualifiedColumn> more)
    {
        foreach (var column in more)
        {
            Add(column);
        }
    }
}
