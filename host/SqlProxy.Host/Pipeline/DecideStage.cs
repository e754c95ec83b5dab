using SqlProxy.Host.Rules;
using SqlProxy.Rules;
using SqlProxy.Sdk;

namespace SqlProxy.Host.Pipeline;

/// <summary>
/// Judges every statement by the rule set in force, then consults the policy evaluator plugins on each statement the
/// rules allow. If any statement is refused, the request is refused and nothing runs. A dry run also records the
/// trace of every rule consulted.
/// </summary>
internal sealed class DecideStage(RuleSetProvider rules, PolicyEvaluation evaluation) : IQueryStage
{
    public string Name => "decide";

    public async ValueTask<StageResult> RunAsync(QueryContext context, CancellationToken cancellationToken)
    {
        var ruleSet = rules.Current;
        var request = context.ToRequestInfo();
        var explanations = context.Request.DryRun
            ? context.Statements.Select(statement => ruleSet.Explain(request, statement)).ToArray()
            : context.Statements.Select(statement => new Explanation(ruleSet.Decide(request, statement), [])).ToArray();
        var decisions = explanations.Select(e => e.Decision).ToArray();
        if (decisions.All(d => d.Verdict != Verdict.Block))
        {
            for (var i = 0; i < decisions.Length; i++)
            {
                var pluginBlock = await evaluation.BlockAsync(context.Plugins, new PolicyInput(request, context.Statements[i]), cancellationToken);
                if (pluginBlock is null) continue;
                decisions[i] = pluginBlock;
                break;
            }
        }
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
        return block is null
            ? StageResult.Next(decided)
            : StageResult.Stop(decided, new QueryFailure(403, "POLICY_BLOCKED", decision.Reason));
    }
}
