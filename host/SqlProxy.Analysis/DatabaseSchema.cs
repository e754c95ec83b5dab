namespace SqlProxy.Analysis;

/// <summary>A relation of the live schema and its columns in order.</summary>
public sealed record TableColumns(string Schema, string Name, IReadOnlyList<string> Columns);

/// <summary>
/// An immutable snapshot of a database's relations and columns, used to expand <c>*</c>, to
/// resolve unqualified names, and to attribute unqualified columns. Each instance has its own
/// <see cref="Version"/>, so a cache keyed by it forgets analyses made against an older snapshot.
/// </summary>
public sealed class DatabaseSchema
{
    private static long versions;
    private readonly Dictionary<(string Schema, string Name), IReadOnlyList<string>> tables;

    public DatabaseSchema(IEnumerable<TableColumns> relations)
    {
        tables = relations.ToDictionary(t => (t.Schema, t.Name), t => t.Columns);
        Version = Interlocked.Increment(ref versions);
    }

    /// <summary>A schema that knows nothing: analysis then takes the safe reading.</summary>
    public static DatabaseSchema Empty { get; } = new([]);

    public long Version { get; }

    public bool IsEmpty => tables.Count == 0;

    public int RelationCount => tables.Count;

    public IReadOnlyList<string>? ColumnsOf(string schema, string name) =>
        tables.TryGetValue((schema, name), out var columns) ? columns : null;

    public bool Contains(string schema, string name) => tables.ContainsKey((schema, name));
}
