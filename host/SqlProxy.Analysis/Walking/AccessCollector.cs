using SqlProxy.Sdk;

namespace SqlProxy.Analysis.Walking;

/// <summary>
/// Collects a statement's accesses: one per (operation, relation), columns unioned in order of
/// first appearance, accesses in order of first appearance.
/// </summary>
internal sealed class AccessCollector
{
    private readonly List<AccessEntry> entries = [];
    private readonly Dictionary<(StatementKind, RelationName?), AccessEntry> index = [];

    public bool IsEmpty => entries.Count == 0;

    /// <summary>Records the access without (more) columns.</summary>
    public void Touch(StatementKind operation, RelationName? relation) => EntryFor(operation, relation);

    public void Add(StatementKind operation, RelationName relation, string column) => EntryFor(operation, relation).Add(column);

    public void Add(StatementKind operation, RelationName relation, IEnumerable<string> columns)
    {
        var entry = EntryFor(operation, relation);
        foreach (var column in columns)
        {
            entry.Add(column);
        }
    }

    public void Read(QualifiedColumn column) => Add(StatementKind.Select, column.Relation, column.Column);

    public IReadOnlyList<StatementAccess> ToAccesses() =>
        [.. entries.Select(e => new StatementAccess(e.Operation, e.Relation, [.. e.Columns]))];

    private AccessEntry EntryFor(StatementKind operation, RelationName? relation)
    {
        if (!index.TryGetValue((operation, relation), out var entry))
        {
            entry = new AccessEntry(operation, relation);
            index.Add((operation, relation), entry);
            entries.Add(entry);
        }

        return entry;
    }
}
