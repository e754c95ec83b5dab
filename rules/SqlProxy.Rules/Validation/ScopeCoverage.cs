using SqlProxy.Rules.Runtime;

namespace SqlProxy.Rules.Validation;

/// <summary>The actions unconditional rules cover at each table, schema and database scope.</summary>
sealed class ScopeCoverage
{
    readonly Dictionary<(string?, string?, string?), ActionSet> _byScope = [];

    public ScopeCoverage(IEnumerable<RuleFacts> rules)
    {
        foreach (var rule in rules.Where(rule => rule.Decides && rule.Unconditional))
        {
            foreach (var placed in rule.Scopes.Where(placed => placed.Scope.Level is ScopeLevel.Database or ScopeLevel.Schema or ScopeLevel.Table))
            {
                var key = (placed.Scope.Database, placed.Scope.Schema, placed.Scope.Table);
                _byScope[key] = _byScope.GetValueOrDefault(key).Union(rule.Actions);
            }
        }
    }

    /// <summary>Whether rules at the table, and at the levels between it and <paramref name="upTo"/>, together cover the actions.</summary>
    public bool Covers(ActionSet actions, string database, string schema, string table, ScopeLevel upTo)
    {
        var covered = _byScope.GetValueOrDefault((database, schema, table));
        if (upTo <= ScopeLevel.Schema)
            covered = covered.Union(_byScope.GetValueOrDefault((database, schema, null)));
        if (upTo <= ScopeLevel.Database)
            covered = covered.Union(_byScope.GetValueOrDefault((database, null, null)));
        return IsWithin(actions, covered);
    }

    /// <summary>Whether every action of <paramref name="actions"/> is in <paramref name="allowed"/>.</summary>
    public static bool IsWithin(ActionSet actions, ActionSet allowed) => (actions.Bits & ~allowed.Bits) == 0;
}
