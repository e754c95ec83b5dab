namespace SqlProxy.Host.Pipeline;

/// <summary>What a stage hands on: the context, and a failure when the request must end here.</summary>
internal readonly record struct StageResult(QueryContext Context, QueryFailure? Failure)
{
    public static StageResult Next(QueryContext context) => new(context, null);

    public static StageResult Stop(QueryContext context, QueryFailure failure) => new(context, failure);
}
