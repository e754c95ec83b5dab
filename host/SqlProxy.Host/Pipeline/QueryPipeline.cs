using System.Diagnostics;
using SqlProxy.Host.Audit;
using SqlProxy.Host.Plugins;

namespace SqlProxy.Host.Pipeline;

/// <summary>
/// Runs a request through the stages in order until one stops it, then writes its audit record,
/// on every path out. The request holds one plugin lease from start to end, so a reload cannot unload the plugins
/// it is calling.
/// </summary>
internal sealed class QueryPipeline(IEnumerable<IQueryStage> stages, AuditQueue audit, PluginCatalog plugins, ILogger<QueryPipeline> logger)
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
                (context, failure) = await stage.RunAsync(context, cancellationToken);
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

        var duration = (long)Stopwatch.GetElapsedTime(started).TotalMicroseconds;
        var outcome = new QueryOutcome(context, failure, Guid.CreateVersion7().ToString("N"), duration);
        // The audit record is written even when the client has gone: what was done must be recorded.
        await audit.EnqueueAsync(AuditRecordFactory.Create(outcome), CancellationToken.None);
        return outcome;
    }
}
