using SqlProxy.Rules.Ast;
using SqlProxy.Rules.Parsing;
using SqlProxy.Rules.Runtime;

namespace SqlProxy.Rules.Compilation;

/// <summary>Checks the scopes a rule names: how many parts, and which levels the kind of rule allows.</summary>
static class ScopeChecks
{
    const int MostScopeParts = 4;

    public const string ScopeHelp = "a scope is `*`, `database`, `database.schema`, `database.schema.table` or `database.schema.table.column`";

    /// <summary>The checked scopes, or null after reporting a problem with any of them.</summary>
    public static List<RuleScope>? Check(IReadOnlyList<ScopeNode> nodes, List<Problem> problems, Func<ScopeNode, Problem?>? levelCheck = null)
    {
        var scopes = new List<RuleScope>();
        var ok = true;
        foreach (var scope in nodes)
        {
            var problem = scope.Parts.Count > MostScopeParts
                ? new Problem(scope.Position, $"`{Literals.Clip(scope.ToString())}` has too many parts for a scope", ScopeHelp)
                : scope.Parts.Any(part => part.Length == 0)
                    ? new Problem(scope.Position, "a name in a scope cannot be empty")
                    : levelCheck?.Invoke(scope);
            if (problem is null)
            {
                scopes.Add(RuleScope.FromParts(scope.Parts));
                continue;
            }
            problems.Add(problem);
            ok = false;
        }
        return ok ? scopes : null;
    }

    /// <summary>A row filter merges into reads of one table, so each of its scopes names a table.</summary>
    public static Problem? MustBeTable(ScopeNode scope) => scope.Parts.Count == (int)ScopeLevel.Table
        ? null
        : new Problem(scope.Position, $"`{Literals.Clip(scope.ToString())}` is not a table; a row filter applies to tables",
            "name each table in full, e.g. `filter testdb.public.orders where '…'`");

    /// <summary>A row limit caps the rows of a result, not a column's values.</summary>
    public static Problem? NotAColumn(ScopeNode scope) => scope.Parts.Count < (int)ScopeLevel.Column
        ? null
        : new Problem(scope.Position, $"`{Literals.Clip(scope.ToString())}` is a column; a row limit applies to whole rows",
            "name a table, schema or database, or `*`");
}
