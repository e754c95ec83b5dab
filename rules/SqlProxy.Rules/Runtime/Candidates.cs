namespace SqlProxy.Rules.Runtime;

/// <summary>
/// The rules found for one statement, each once, with where it was first found. Candidates are few (the rules on
/// what one statement reads), so a list searched in place beats a dictionary; it is made only when a rule is found.
/// </summary>
static class Candidates
{
    public static void AddAll<T>(ref List<(CompiledRule Rule, T Found)>? candidates, T found, IReadOnlyList<CompiledRule> rules)
    {
        for (var i = 0; i < rules.Count; i++)
            Add(ref candidates, rules[i], found);
    }

    public static void Add<T>(ref List<(CompiledRule Rule, T Found)>? candidates, CompiledRule rule, T found)
    {
        candidates ??= [];
        foreach (var (known, _) in candidates)
        {
            if (known == rule)
                return;
        }
        candidates.Add((rule, found));
    }

    /// <summary>The candidates in rule order (path, line, column).</summary>
    public static List<(CompiledRule Rule, T Found)> Ordered<T>(List<(CompiledRule Rule, T Found)> candidates)
    {
        candidates.Sort((a, b) => CompiledRule.CompareOrder(a.Rule, b.Rule));
        return candidates;
    }
}
