using SqlProxy.Sdk;

namespace SqlProxy.Rules.Tests.Properties;

/// <summary>
/// The semantics written as plainly as possible — every rule scanned for every question, no index — to check
/// the real rule set against. Only verdicts and blocked columns are compared.
/// </summary>
static class ReferenceModel
{
    public static (Verdict Verdict, string[] BlockedColumns) Decide(RuleSpec[] rules, RequestInfo request, StatementAnalysis statement)
    {
        var blocked = new List<string>();
        var verdict = Verdict.Allow;
        foreach (var access in statement.Accesses)
        {
            if (Judge(rules, request, access, blocked) == Verdict.Block)
                verdict = Verdict.Block;
        }
        return (verdict, verdict == Verdict.Block ? blocked.Distinct().ToArray() : []);
    }

    static Verdict Judge(RuleSpec[] rules, RequestInfo request, StatementAccess access, List<string> blocked)
    {
        var op = access.Operation;
        if (access.Relation is not { } r)
            return First(rules, request, op, [request.Database, "*"]) ?? Verdict.Block;

        string[] tableLevels = [$"{r.Database}.{r.Schema}.{r.Name}", $"{r.Database}.{r.Schema}", r.Database, "*"];
        var fromTable = First(rules, request, op, tableLevels) ?? Verdict.Block;
        if (access.Columns.Count == 0)
            return fromTable;

        var result = Verdict.Allow;
        foreach (var column in access.Columns)
        {
            Verdict columnVerdict;
            if (column == "*")
            {
                var blocking = Matching(rules, request, op).Where(m => m.Rule.Block)
                    .SelectMany(m => m.Rule.Scopes.Where(s => s.StartsWith($"{r.Database}.{r.Schema}.{r.Name}.", StringComparison.Ordinal) && s.Count(c => c == '.') == 3))
                    .Distinct().Order(StringComparer.Ordinal).ToList();
                blocked.AddRange(blocking.Select(s => $"{r.Schema}.{r.Name}.{s.Split('.')[3]}"));
                columnVerdict = blocking.Count > 0 ? Verdict.Block : fromTable;
            }
            else
            {
                var atColumn = Level(rules, request, op, $"{r.Database}.{r.Schema}.{r.Name}.{column}");
                if (atColumn == Verdict.Block)
                    blocked.Add($"{r.Schema}.{r.Name}.{column}");
                columnVerdict = atColumn ?? fromTable;
            }
            if (columnVerdict == Verdict.Block)
                result = Verdict.Block;
        }
        return result;
    }

    static Verdict? First(RuleSpec[] rules, RequestInfo request, StatementKind op, string[] levels) =>
        levels.Select(level => Level(rules, request, op, level)).FirstOrDefault(v => v is not null);

    static Verdict? Level(RuleSpec[] rules, RequestInfo request, StatementKind op, string scope)
    {
        var here = Matching(rules, request, op).Where(m => m.Rule.Scopes.Contains(scope)).ToList();
        if (here.Count == 0)
            return null;
        return here.Any(m => m.Rule.Block) ? Verdict.Block : Verdict.Allow;
    }

    static IEnumerable<(RuleSpec Rule, bool _)> Matching(RuleSpec[] rules, RequestInfo request, StatementKind op) =>
        rules.Where(rule => rule.Actions.Any(a => Universe.Actions[a].Contains(op)) && Universe.Conditions[rule.Condition].Holds(request))
            .Select(rule => (rule, true));
}
