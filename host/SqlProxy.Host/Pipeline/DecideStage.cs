using SqlProxy.Host.Rules;
using SqlProxy.Rules;

namespace SqlProxy.Host.Pipeline;

/// <summary>
/// Judges every statement by the rule set in force. If any statement is refused, the request is
/// refused and nothing runs. A dry run also records the trace of every rule consulted.
/// </summary>
internal sealed class DecideStage(RuleSetProvider rules) : IQueryStage
{
    public string Name => "decide";

    public ValueTask<StageResult> RunAsync(QueryContext context, CancellationToken cancellationToken)
    {
        var ruleSet = rules.Current;
        var request = context.ToRequestInfo();
        var explanations = context.Request.DryRun
            ? context.Statements.Select(statement => ruleSet.Explain(request, statement)).ToArray()
            : context.Statements.Select(statement => new Explanation(ruleSet.Decide(request, statement), [])).ToArray();
        var decisions = explanations.Select(e => e.Decision).ToArray();
        var block = decisions.FirstOrDefault(d => d.Verdict == Verdict.Block);
        var decision = block is null
            ? decisions[0]
            : block with { BlockedColumns = decisions.SelectMany(d => d.BlockedColumns).Distinct().ToArray() };
        var decided = context with
        {
            Rules = ruleSet,
            Decision = decision,
            StatementDecisions = decisions,
            Traces = context.Request.DryRun ? explanations.Select(e => e.Trace).ToArray() : [],
        };
        return ValueTask.FromResult(block is null
            ? StageResult.Next(decided)
            : StageResult.Stop(decided, new QueryFailure(403, "POLICY_BLOCKED", decision.Reason)));
    }
}
