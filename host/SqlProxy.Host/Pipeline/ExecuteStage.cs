using SqlProxy.Host.Upstream;
using SqlProxy.Sdk;

namespace SqlProxy.Host.Pipeline;

/// <summary>Runs the allowed statements against the database (skipped for a dry run).</summary>
internal sealed class ExecuteStage(StatementExecutor executor, ILogger<ExecuteStage> logger) : IQueryStage
{
    public string Name => "execute";

    public async ValueTask<StageResult> RunAsync(QueryContext context, CancellationToken cancellationToken)
    {
        if (context.Request.DryRun) return StageResult.Next(context);
        var database = context.Database!;
        // Never fall back to the SQL as sent: it lacks the row filters.
        if (context.ExecutedSql.Count != context.Statements.Count || context.RowCap is not { } cap)
            throw new InvalidOperationException("the statements were not planned: the rewrite stage must run before execution");
        try
        {
            var result = await executor.ExecuteAsync(database, context.ExecutedSql, cap.Limit, cancellationToken);
            return StageResult.Next(context with { Result = result });
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            var failure = UpstreamFailure.From(e, database.Config.Name);
            // An open breaker logged once when it opened; its refusals would only repeat that.
            if (failure.StatusCode >= 500 && failure.Code != UpstreamFailure.DatabaseUnavailable)
                logger.LogWarning("Database {Database} failed a request: {Code} {Reason}", database.Config.Name, failure.Code, e.Message);
            return StageResult.Stop(context, new QueryFailure(failure.StatusCode, failure.Code, failure.Message) { RetryAfter = failure.RetryAfter });
        }
        finally
        {
            if (context.Statements.Any(s => StatementKinds.CategoryOf(s.Kind) == StatementCategory.Definition))
                await database.Schema.RefreshAfterChangeAsync(CancellationToken.None);
        }
    }
}
