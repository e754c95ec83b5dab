using Polly;
using Polly.CircuitBreaker;
using SqlProxy.Host.Configuration;

namespace SqlProxy.Host.Upstream;

/// <summary>
/// The circuit breaker of one database (<c>breaker_*</c> settings): when too many recent requests failed because the
/// database was unreachable or broken (<see cref="UpstreamFailure.MeansUnavailable"/>; never the statement's own errors),
/// it opens and requests are refused at once with <see cref="BrokenCircuitException"/> without touching the pool. After
/// the break one request probes the database; its success closes the breaker again.
/// </summary>
internal sealed class DatabaseBreaker
{
    private readonly ResiliencePipeline pipeline;

    public DatabaseBreaker(string database, BreakerConfig config, ILogger logger)
    {
        pipeline = new ResiliencePipelineBuilder()
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions
            {
                FailureRatio = config.FailureRatio,
                MinimumThroughput = config.MinimumThroughput,
                BreakDuration = TimeSpan.FromSeconds(config.BreakSeconds),
                SamplingDuration = TimeSpan.FromSeconds(config.SamplingSeconds),
                ShouldHandle = args => ValueTask.FromResult(args.Outcome.Exception is { } e && UpstreamFailure.MeansUnavailable(e)),
                OnOpened = args =>
                {
                    logger.LogWarning("Database {Database} is unavailable: its circuit breaker is open for {Seconds} s", database, args.BreakDuration.TotalSeconds);
                    return ValueTask.CompletedTask;
                },
                OnClosed = _ =>
                {
                    logger.LogInformation("Database {Database} answers again: its circuit breaker is closed", database);
                    return ValueTask.CompletedTask;
                },
            })
            .Build();
    }

    /// <exception cref="BrokenCircuitException">The breaker is open: the database was not called.</exception>
    public ValueTask<T> ExecuteAsync<T>(Func<CancellationToken, ValueTask<T>> call, CancellationToken cancellationToken) =>
        pipeline.ExecuteAsync(call, cancellationToken);
}
