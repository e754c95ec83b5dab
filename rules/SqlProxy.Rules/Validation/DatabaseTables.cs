namespace SqlProxy.Rules.Validation;

/// <summary>The live schema of one database, by schema and table name (ordinal: names are as PostgreSQL stores them).</summary>
sealed class DatabaseTables
{
    readonly Dictionary<string, Dictionary<string, IReadOnlyList<string>>> _schemas = new(StringComparer.Ordinal);

    public DatabaseTables(IEnumerable<KnownTable> tables)
    {
        foreach (var table in tables)
        {
            if (!_schemas.TryGetValue(table.Schema, out var inSchema))
                _schemas[table.Schema] = inSchema = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
            inSchema[table.Name] = table.Columns;
        }
    }

    public IEnumerable<string> Schemas => _schemas.Keys;

    /// <summary>The tables of a schema by name, or null when the database has no such schema.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>>? TablesIn(string schema) => _schemas.GetValueOrDefault(schema);

    /// <summary>Every table of the database, all schemas included.</summary>
    public IEnumerable<(string Schema, string Table)> AllTables =>
        _schemas.SelectMany(schema => schema.Value.Keys.Select(table => (schema.Key, table)));

    /// <summary>The schemas other than <paramref name="schema"/> that have a table named <paramref name="table"/>.</summary>
    public IEnumerable<string> SchemasWithTable(string table, string schema) =>
        _schemas.Where(entry => entry.Key != schema && entry.Value.ContainsKey(table)).Select(entry => entry.Key).Order(StringComparer.Ordinal);
}
