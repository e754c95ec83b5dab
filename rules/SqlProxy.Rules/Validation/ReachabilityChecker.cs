using SqlProxy.Rules.Runtime;
using SqlProxy.Sdk;

namespace SqlProxy.Rules.Validation;

/// <summary>
/// Warns of a rule on <c>*</c>, a database or a schema that can never decide, given the tables that exist now:
/// the most specific scope with a matching rule decides, so when every table under the scope has unconditional
/// rules of its own (at its table, or a schema or database between) covering the rule's actions, the rule is
/// never consulted. Only unconditional rules count — they match every request — so a warning is never wrong
/// about today's schema. Accesses without a relation (<c>SELECT now()</c>, <c>SET</c>) are judged at the
/// database and <c>*</c>, so rules there are only reported for actions that always name a relation.
/// </summary>
static class ReachabilityChecker
{
    static readonly ActionSet AlwaysOnARelation = ActionSet.Of(
        [StatementKind.Insert, StatementKind.Update, StatementKind.Delete, StatementKind.Merge, StatementKind.Truncate]);

    public static IEnumerable<RuleDiagnostic> Check(IReadOnlyList<RuleFacts> rules, SchemaIndex schemas)
    {
        var coverage = new ScopeCoverage(rules);
        foreach (var rule in rules.Where(rule => rule.Decides))
        {
            foreach (var placed in rule.Scopes)
            {
                if (NeverDecides(rule.Actions, placed.Scope, schemas, coverage) is { } where)
                {
                    yield return new RuleDiagnostic(rule.Path, placed.Line, placed.Column,
                        $"the {rule.Effect.ToString().ToLowerInvariant()} on `{placed.Text}` never decides: {where} has an unconditional rule of its own for `{rule.ActionText}`",
                        "the most specific scope decides; give those rules conditions, or remove this one",
                        DiagnosticSeverity.Warning);
                }
            }
        }
    }

    /// <summary>Where the rule is shadowed (for the message), or null when it can decide something.</summary>
    static string? NeverDecides(ActionSet actions, RuleScope scope, SchemaIndex schemas, ScopeCoverage coverage)
    {
        if (actions.Bits == 0)
            return null;
        switch (scope.Level)
        {
            case ScopeLevel.Schema:
                var inSchema = schemas.Tables(scope.Database!)?.TablesIn(scope.Schema!);
                if (inSchema is not { Count: > 0 })
                    return null;
                return inSchema.Keys.All(table => coverage.Covers(actions, scope.Database!, scope.Schema!, table, ScopeLevel.Table))
                    ? "every table in it"
                    : null;
            case ScopeLevel.Database:
                if (!ScopeCoverage.IsWithin(actions, AlwaysOnARelation) || schemas.Tables(scope.Database!) is not { } tables || !tables.AllTables.Any())
                    return null;
                return tables.AllTables.All(t => coverage.Covers(actions, scope.Database!, t.Schema, t.Table, ScopeLevel.Schema))
                    ? "every table in it"
                    : null;
            case ScopeLevel.Everything:
                if (!ScopeCoverage.IsWithin(actions, AlwaysOnARelation) || !schemas.KnowsEveryTable || !schemas.KnownDatabases.Any(d => d.Tables.AllTables.Any()))
                    return null;
                return schemas.KnownDatabases.All(d => d.Tables.AllTables.All(t => coverage.Covers(actions, d.Database, t.Schema, t.Table, ScopeLevel.Database)))
                    ? "every table of every configured database"
                    : null;
            default:
                // A table-level rule decides `SELECT count(*) FROM t` and `DELETE FROM t`, which name no column: always reachable.
                return null;
        }
    }
}
