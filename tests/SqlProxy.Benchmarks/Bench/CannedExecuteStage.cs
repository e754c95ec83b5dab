using SqlProxy.Host.Pipeline;
using SqlProxy.Host.Upstream;

namespace SqlProxy.Benchmarks.Bench;

/// <summary>
/// A benchmark harness, not product code: stands in for the execute stage and returns a fixed result, so that the
/// pipeline's own cost is measured without database work. It checks what the real stage checks first (the statements
/// were planned), so the stages before it must have done their job.
/// </summary>
internal sealed class CannedExecuteStage(ExecutionResult result) : IQueryStage
{
    public string Name => "execute";

    public ValueTask<StageResult> RunAsync(QueryContext context, CancellationToken cancellationToken)
    {
        if (context.ExecutedSql.Count != context.Statements.Count || context.RowCap is null)
            throw new InvalidOperationException("the statements were not planned: the rewrite stage must run before execution");
        return ValueTask.FromResult(StageResult.Next(context with { Result = result }));
    }
}
