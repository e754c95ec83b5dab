namespace SqlProxy.Rules.Validation;

/// <summary>The databases of a <see cref="RulesEnvironment"/>, indexed for lookups.</summary>
sealed class SchemaIndex
{
    readonly Dictionary<string, DatabaseTables?>? _databases;

    public SchemaIndex(IReadOnlyDictionary<string, IReadOnlyList<KnownTable>?>? databases) =>
        _databases = databases?.ToDictionary(
            entry => entry.Key,
            entry => entry.Value is null ? null : new DatabaseTables(entry.Value),
            StringComparer.Ordinal);

    /// <summary>Whether the configured databases are known (false without a configuration).</summary>
    public bool KnowsDatabases => _databases is not null;

    public IEnumerable<string> DatabaseNames => _databases?.Keys ?? Enumerable.Empty<string>();

    public bool IsConfigured(string database) => _databases?.ContainsKey(database) ?? false;

    /// <summary>The live schema of a configured database, or null when it is not known.</summary>
    public DatabaseTables? Tables(string database) => _databases?.GetValueOrDefault(database);

    /// <summary>Whether every configured database's schema is known, so that "every table" can be said.</summary>
    public bool KnowsEveryTable => _databases is not null && _databases.Values.All(tables => tables is not null);

    public IEnumerable<(string Database, DatabaseTables Tables)> KnownDatabases =>
        _databases?.Where(entry => entry.Value is not null).Select(entry => (entry.Key, entry.Value!)) ?? [];
}
