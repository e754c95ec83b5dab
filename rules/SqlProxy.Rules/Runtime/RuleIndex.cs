using SqlProxy.Rules.Ast;
using SqlProxy.Sdk;

namespace SqlProxy.Rules.Runtime;

/// <summary>
/// The compiled rules filed by scope, so that judging an access looks only at rules that name its relation
/// (or its schema, its database, or everything) — a few dictionary lookups however many other rules there are.
/// Every list has its blocks first, then the other rules, each in rule order (path, line, column), whatever order the
/// rules were given in.
/// </summary>
/// <remarks>
/// Keys are single names in nested dictionaries rather than tuples: a string key is hashed by the dictionary's own
/// fast comparer, a tuple's by the randomized string hash, which made lookups cost more as rules grew.
/// </remarks>
sealed class RuleIndex
{
    static readonly CompiledRule[] None = [];

    readonly CompiledRule[] _everything;
    readonly Dictionary<string, CompiledRule[]> _databases;
    readonly Dictionary<string, Dictionary<string, CompiledRule[]>> _schemas;
    readonly Dictionary<string, Dictionary<string, Dictionary<string, TableRules>>> _tables;

    public RuleIndex(IEnumerable<CompiledRule> rules)
    {
        var everything = new List<CompiledRule>();
        var databases = new Dictionary<string, List<CompiledRule>>();
        var schemas = new Dictionary<(string, string), List<CompiledRule>>();
        var tables = new Dictionary<(string, string, string), List<CompiledRule>>();
        var columns = new Dictionary<(string, string, string), Dictionary<string, List<CompiledRule>>>();

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
                    default:
                        var table = (scope.Database!, scope.Schema!, scope.Table!);
                        if (!columns.TryGetValue(table, out var byColumn))
                            columns[table] = byColumn = [];
                        Add(byColumn, scope.Column!, rule);
                        break;
                }
            }
        }

        IsEmpty = everything.Count + databases.Count + schemas.Count + tables.Count + columns.Count == 0;
        _everything = Order(everything);
        _databases = databases.ToDictionary(entry => entry.Key, entry => Order(entry.Value));
        _schemas = Nest(schemas.Select(entry => (entry.Key.Item1, entry.Key.Item2, Order(entry.Value))));
        _tables = tables.Keys.Union(columns.Keys)
            .GroupBy(key => key.Item1)
            .ToDictionary(database => database.Key, database => database
                .GroupBy(key => key.Item2)
                .ToDictionary(schema => schema.Key, schema => schema.ToDictionary(key => key.Item3, key => new TableRules(
                    Order(tables.GetValueOrDefault(key, [])),
                    columns.GetValueOrDefault(key, []).ToDictionary(column => column.Key, column => Order(column.Value))))));
    }

    /// <summary>True when no rule is filed here, so that a kind of rule a rule set does not use costs nothing.</summary>
    public bool IsEmpty { get; }

    public IReadOnlyList<CompiledRule> Everything => _everything;

    public IReadOnlyList<CompiledRule> Database(string database) => _databases.GetValueOrDefault(database, None);

    public IReadOnlyList<CompiledRule> Schema(RelationName relation) =>
        _schemas.TryGetValue(relation.Database, out var schemas) ? schemas.GetValueOrDefault(relation.Schema, None) : None;

    /// <summary>The rules on the relation and its columns; look it up once per relation, then ask it about each column.</summary>
    public TableRules TableRules(RelationName relation) =>
        _tables.TryGetValue(relation.Database, out var schemas) && schemas.TryGetValue(relation.Schema, out var tables)
            ? tables.GetValueOrDefault(relation.Name, Runtime.TableRules.None)
            : Runtime.TableRules.None;

    public IReadOnlyList<CompiledRule> Table(RelationName relation) => TableRules(relation).Rules;

    public IReadOnlyList<CompiledRule> Column(RelationName relation, string column) => TableRules(relation).Column(column);

    /// <summary>Every column-level rule on the relation, by column name.</summary>
    public IReadOnlyList<(string Column, CompiledRule Rule)> ColumnsOf(RelationName relation) => TableRules(relation).ColumnRules;

    static void Add<TKey>(Dictionary<TKey, List<CompiledRule>> index, TKey key, CompiledRule rule) where TKey : notnull
    {
        if (!index.TryGetValue(key, out var list))
            index[key] = list = [];
        list.Add(rule);
    }

    static Dictionary<string, Dictionary<string, T>> Nest<T>(IEnumerable<(string Outer, string Inner, T Value)> entries) =>
        entries.GroupBy(entry => entry.Outer).ToDictionary(group => group.Key, group => group.ToDictionary(entry => entry.Inner, entry => entry.Value));

    // A rule that names the same scope twice is filed once. Blocks come first, so that once the judge reaches the
    // allows of a level it has seen every block there and can stop at the first allow that matches.
    static CompiledRule[] Order(IEnumerable<CompiledRule> rules)
    {
        var ordered = rules.Distinct().ToArray();
        Array.Sort(ordered, (a, b) => a.Effect == b.Effect || (a.Effect != Effect.Block && b.Effect != Effect.Block)
            ? CompiledRule.CompareOrder(a, b)
            : a.Effect == Effect.Block ? -1 : 1);
        return ordered;
    }
}
