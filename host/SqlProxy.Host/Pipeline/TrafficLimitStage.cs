using SqlProxy.Host.Limits;

namespace SqlProxy.Host.Pipeline;

/// <summary>
/// Right after authentication, so the refusal's audit record names the user: the request rate (per user, then global;
/// 429 <c>RATE_LIMITED</c>) and the user's statements in flight (429 <c>TOO_MANY_CONCURRENT</c>). The concurrency slot
/// rides on the context and the pipeline releases it when the request ends, on every path. The limiters are those in
/// force (<see cref="TrafficLimiters"/>).
/// </summary>
internal sealed class TrafficLimitStage(TrafficLimiters limiters) : IQueryStage
{
    public const string RateLimited = "RATE_LIMITED";

    public const string TooManyConcurrent = "TOO_MANY_CONCURRENT";

    public string Name => "traffic_limits";

    public ValueTask<StageResult> RunAsync(QueryContext context, CancellationToken cancellationToken)
    {
        var user = context.User!.Name;
        // One set for the whole request: a configuration reload may swap them meanwhile.
        var (_, rates, concurrency) = limiters.Current;
        if (rates.TryAcquire(user) is { } refusal)
            return Stop(context, new QueryFailure(429, RateLimited, $"{refusal.Message}; retry in {RetryAfter.Seconds(refusal.RetryAfter)} s") { RetryAfter = refusal.RetryAfter });
        if (concurrency.TryEnter(user) is not { } slot)
        {
            return Stop(context, new QueryFailure(429, TooManyConcurrent,
                $"user `{user}` already has {concurrency.MaxPerUser} requests in flight (limits.max_concurrent_per_user); retry when one has finished")
                { RetryAfter = TimeSpan.FromSeconds(1) });
        }
        return ValueTask.FromResult(StageResult.Next(context with { ConcurrencySlot = slot }));
    }

    private static ValueTask<StageResult> Stop(QueryContext context, QueryFailure failure) => ValueTask.FromResult(StageResult.Stop(context, failure));
}
