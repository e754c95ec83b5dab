using SqlProxy.Rules.Ast;
using SqlProxy.Sdk;

namespace SqlProxy.Rules.Runtime;

/// <summary>Records every rule consulted while judging one statement, for <see cref="RuleSet.Explain"/>.</summary>
sealed class JudgeTrace
{
    readonly List<(CompiledRule Rule, TraceEntry Entry)> _entries = [];

    /// <summary>A rule filed where the judge looked, whose actions do not include the operation.</summary>
    public void NotCovered(CompiledRule rule, AccessTarget target) =>
        Add(rule, target.ToString(), TraceOutcome.NotMatched, $"it does not cover `{Reasons.OperationName(target.Operation)}`");

    /// <summary>A rule whose conditions were evaluated; <paramref name="consequence"/> says what a matching mask, filter or limit does.</summary>
    public void Consulted(CompiledRule rule, string target, ConditionOutcome outcome, string? failure, string? consequence = null)
    {
        var (traced, detail) = outcome switch
        {
            ConditionOutcome.True => (TraceOutcome.Matched, (rule.HasCondition ? "its conditions hold" : "it has no conditions") + (consequence is null ? "" : $", so {consequence}")),
            ConditionOutcome.False => (TraceOutcome.NotMatched, "its conditions do not hold"),
            _ => (TraceOutcome.Failed, $"its conditions could not be evaluated ({failure}), so it {FailureEffect(rule.Effect)}"),
        };
        Add(rule, target, traced, detail);
    }

    /// <summary>A filter rule whose conditions hold but whose placeholders could not be filled.</summary>
    public void Unbound(CompiledRule rule, string target, string? failure) =>
        Add(rule, target, TraceOutcome.Failed, $"its predicate could not be given its values ({failure}), so it blocks the statement");

    /// <summary>The trace, with the entry of the rule that decided the statement saying so.</summary>
    public IReadOnlyList<TraceEntry> Finish(CompiledRule? deciding)
    {
        var entries = _entries.Select(pair => pair.Entry).ToList();
        var at = deciding is null ? -1 : _entries.FindIndex(pair => pair.Rule == deciding && pair.Entry.Outcome != TraceOutcome.NotMatched);
        if (at >= 0)
            entries[at] = entries[at] with { Detail = entries[at].Detail + "; it decided the statement" };
        return entries;
    }

    void Add(CompiledRule rule, string target, TraceOutcome outcome, string detail) =>
        _entries.Add((rule, new TraceEntry(rule.Reference, EffectName(rule.Effect), target, outcome, detail)));

    public static string EffectName(Effect effect) => effect.ToString().ToLowerInvariant();

    static string FailureEffect(Effect effect) => effect switch
    {
        Effect.Allow => "does not allow",
        Effect.Block => "blocks",
        _ => "blocks the statement",
    };

    /// <summary>What a table or column a mask rule is consulted for is called in the trace.</summary>
    public static string ColumnTarget(RelationName relation, string column) => column == "*" ? $"every column of {relation}" : $"{relation}.{column}";
}
