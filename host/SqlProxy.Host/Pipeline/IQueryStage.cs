namespace SqlProxy.Host.Pipeline;

/// <summary>One step of the query pipeline.</summary>
internal interface IQueryStage
{
    /// <summary>A short name for metrics and logs.</summary>
    string Name { get; }

    ValueTask<StageResult> RunAsync(QueryContext context, CancellationToken cancellationToken);
}
