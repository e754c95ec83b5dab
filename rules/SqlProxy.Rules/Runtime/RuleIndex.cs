using SqlProxy.Sdk;

namespace SqlProxy.Rules.Runtime;

/// <summary>
/// The compiled rules filed by scope, so that judging an access looks only at rules that name its relation
/// (or its schema, its database, or everything) — a few dictionary lookups however many other rules there are.
/// Every list is in rule order (path, line, column), whatever order the rules were given in.
/// </summary>
sealed class RuleIndex
{
    static readonly CompiledRule[] None = [];
    static readonly (string, CompiledRule)[] NoColumns = [];

    readonly CompiledRule[] _everything;
    readonly Dictionary<string, CompiledRule[]> _databases;
    readonly Dictionary<(string, string), CompiledRule[]> _schemas;
    readonly Dictionary<(string, string, string), CompiledRule[]> _tables;
    readonly Dictionary<(string, string, string, string), CompiledRule[]> _columns;
    readonly Dictionary<(string, string, string), (string Column, CompiledRule Rule)[]> _columnsByTable;

    public RuleIndex(IEnumerable<CompiledRule> rules)
    {
        var everything = new List<CompiledRule>();
        var databases = new Dictionary<string, List<CompiledRule>>();
        var schemas = new Dictionary<(string, string), List<CompiledRule>>();
        var tables = new Dictionary<(string, string, string), List<CompiledRule>>();
        var columns = new Dictionary<(string, string, string, string), List<CompiledRule>>();

        foreach (var rule in rules)
        {
            foreach (var scope in rule.Scopes)
            {
                switch (scope.Level)
                {
                    case ScopeLevel.Everything: everything.Add(rule); break;
                    case ScopeLevel.Database: Add(databases, scope.Database!, rule); break;
                    case ScopeLevel.Schema: Add(schemas, (scope.Database!, scope.Schema!), rule); break;
                    case ScopeLevel.Table: Add(tables, (scope.Database!, scope.Schema!, scope.Table!), rule); break;
                    default: Add(columns, (scope.Database!, scope.Schema!, scope.Table!, scope.Column!), rule); break;
                }
            }
        }

        _everything = Order(everything);
        _databases = Freeze(databases);
        _schemas = Freeze(schemas);
        _tables = Freeze(tables);
        _columns = Freeze(columns);
        _columnsByTable = _columns
            .SelectMany(entry => entry.Value.Select(rule => (Table: (entry.Key.Item1, entry.Key.Item2, entry.Key.Item3), Column: entry.Key.Item4, Rule: rule)))
            .GroupBy(entry => entry.Table)
            .ToDictionary(
                group => group.Key,
                group => group.Select(entry => (entry.Column, entry.Rule)).OrderBy(entry => entry.Column, StringComparer.Ordinal).ToArray());
    }

    public IReadOnlyList<CompiledRule> Everything => _everything;

    public IReadOnlyList<CompiledRule> Database(string database) => _databases.GetValueOrDefault(database, None);

    public IReadOnlyList<CompiledRule> Schema(RelationName relation) =>
        _schemas.GetValueOrDefault((relation.Database, relation.Schema), None);

    public IReadOnlyList<CompiledRule> Table(RelationName relation) =>
        _tables.GetValueOrDefault((relation.Database, relation.Schema, relation.Name), None);

    public IReadOnlyList<CompiledRule> Column(RelationName relation, string column) =>
        _columns.GetValueOrDefault((relation.Database, relation.Schema, relation.Name, column), None);

    /// <summary>Every column-level rule on the relation, by column name.</summary>
    public IReadOnlyList<(string Column, CompiledRule Rule)> ColumnsOf(RelationName relation) =>
        _columnsByTable.GetValueOrDefault((relation.Database, relation.Schema, relation.Name), NoColumns);

    static void Add<TKey>(Dictionary<TKey, List<CompiledRule>> index, TKey key, CompiledRule rule) where TKey : notnull
    {
        if (!index.TryGetValue(key, out var list))
            index[key] = list = [];
        list.Add(rule);
    }

    static Dictionary<TKey, CompiledRule[]> Freeze<TKey>(Dictionary<TKey, List<CompiledRule>> index) where TKey : notnull =>
        index.ToDictionary(entry => entry.Key, entry => Order(entry.Value));

    // A rule that names the same scope twice is filed once.
    static CompiledRule[] Order(IEnumerable<CompiledRule> rules)
    {
        var ordered = rules.Distinct().ToArray();
        Array.Sort(ordered, CompiledRule.CompareOrder);
        return ordered;
    }
}
