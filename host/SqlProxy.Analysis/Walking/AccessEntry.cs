using SqlProxy.Sdk;

namespace SqlProxy.Analysis.Walking;

/// <summary>One access being collected: its columns distinct, in order of first appearance.</summary>
internal sealed class AccessEntry(StatementKind operation, RelationName? relation)
{
    private readonly HashSet<string> seen = [];

    public StatementKind Operation { get; } = operation;

    public RelationName? Relation { get; } = relation;

    public List<string> Columns { get; } = [];

    public void Add(string column)
    {
        if (seen.Add(column))
        {
            Columns.Add(column);
        }
    }
}
