using SqlProxy.Host.Audit;

namespace SqlProxy.Host.Pipeline;

/// <summary>
/// With <c>audit.when_full = "reject"</c>: while the audit queue is full, a statement is refused (503) before it runs,
/// rather than run and then wait for room for its record. The refusal's own record is queued if there is room by then,
/// else logged (<see cref="AuditQueue.EnqueueOrLog"/>).
/// </summary>
internal sealed class AuditBacklogStage(AuditQueue audit, bool rejectWhenFull) : IQueryStage
{
    public const string Code = "AUDIT_BACKLOG";

    public string Name => "audit_backlog";

    public ValueTask<StageResult> RunAsync(QueryContext context, CancellationToken cancellationToken) =>
        ValueTask.FromResult(rejectWhenFull && audit.IsFull
            ? StageResult.Stop(context, new QueryFailure(503, Code, "the audit trail cannot keep up: statements are refused until it has room; retry shortly"))
            : StageResult.Next(context));
}
