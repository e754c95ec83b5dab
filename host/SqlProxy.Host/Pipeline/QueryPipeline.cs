using System.Diagnostics;
using SqlProxy.Host.Audit;
using SqlProxy.Host.Observability;
using SqlProxy.Host.Plugins;

namespace SqlProxy.Host.Pipeline;

/// <summary>
/// Runs a request through the stages in order until one stops it, then writes its audit record,
/// on every path out. The request holds one plugin lease from start to end, so a reload cannot unload the plugins
/// it is calling. Each stage is timed, and an enforced decision counted (<see cref="PipelineMetrics"/>).
/// </summary>
internal sealed class QueryPipeline(
    IEnumerable<IQueryStage> stages, AuditQueue audit, PluginCatalog plugins, PipelineMetrics metrics, ILogger<QueryPipeline> logger)
{
    private readonly IQueryStage[] stages = stages.ToArray();

    public async Task<QueryOutcome> RunAsync(QueryRequest request, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        using var lease = plugins.Acquire();
        var context = new QueryContext(request) { Plugins = lease.Snapshot };
        QueryFailure? failure = null;
        try
        {
            foreach (var stage in stages)
            {
                var stageStarted = Stopwatch.GetTimestamp();
                (context, failure) = await stage.RunAsync(context, cancellationToken);
                metrics.StageTook(stage.Name, Stopwatch.GetElapsedTime(stageStarted));
                if (failure is not null) break;
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            failure = new QueryFailure(499, "CLIENT_CLOSED_REQUEST", "the client went away before the request finished");
        }
        catch (Exception e)
        {
            logger.LogError(e, "Request {RequestId} failed unexpectedly", request.RequestId);
            failure = new QueryFailure(500, "INTERNAL_ERROR", $"an internal error occurred; quote request id {request.RequestId}");
        }
        finally
        {
            // The user's concurrency slot ends with the statement, before the record is queued (which may wait).
            context.ConcurrencySlot?.Dispose();
        }

        if (context.Decision is { } decision && !request.DryRun) metrics.Decided(decision);
        var duration = (long)Stopwatch.GetElapsedTime(started).TotalMicroseconds;
        var outcome = new QueryOutcome(context, failure, Guid.CreateVersion7().ToString("N"), duration);
        // The audit record is written even when the client has gone: what was done must be recorded.
        var record = AuditRecordFactory.Create(outcome);
        if (failure?.Code == AuditBacklogStage.Code) audit.EnqueueOrLog(record);
        else await audit.EnqueueAsync(record, CancellationToken.None);
        return outcome;
    }
}
