using SqlProxy.Host.Rules;
using SqlProxy.Rules;

namespace SqlProxy.Host.Pipeline;

/// <summary>
/// Judges every statement by the rule set in force. If any statement is refused, the request is
/// refused and nothing runs.
/// </summary>
internal sealed class DecideStage(RuleSetProvider rules) : IQueryStage
{
    public string Name => "decide";

    public ValueTask<StageResult> RunAsync(QueryContext context, CancellationToken cancellationToken)
    {
        var ruleSet = rules.Current;
        var request = context.ToRequestInfo();
        var decisions = context.Statements.Select(statement => ruleSet.Decide(request, statement)).ToArray();
        var block = decisions.FirstOrDefault(d => d.Verdict == Verdict.Block);
        var decision = block is null
            ? decisions[0]
            : block with { BlockedColumns = decisions.SelectMany(d => d.BlockedColumns).Distinct().ToArray() };
        var decided = context with { Rules = ruleSet, Decision = decision };
        return ValueTask.FromResult(block is null
            ? StageResult.Next(decided)
            : StageResult.Stop(decided, new QueryFailure(403, "POLICY_BLOCKED", decision.Reason)));
    }
}
