using System.Threading.RateLimiting;
using SqlProxy.Host.Configuration;

namespace SqlProxy.Host.Limits;

/// <summary>
/// Token buckets for query requests: one per user (<c>requests_per_second_per_user</c>, <c>burst_per_user</c>) and
/// one for everyone (<c>requests_per_second</c>, <c>burst</c>). A request takes one token from its user's bucket,
/// then one from the global bucket; none queues.
/// </summary>
internal sealed class RequestRateLimiter : IAsyncDisposable
{
    private readonly PartitionedRateLimiter<string>? perUser;
    private readonly RateLimiter? global;

    public RequestRateLimiter(TrafficLimitsConfig limits)
    {
        if (limits.RequestsPerSecondPerUser > 0)
        {
            var options = Bucket(limits.RequestsPerSecondPerUser, limits.BurstPerUser, autoReplenish: false);
            perUser = PartitionedRateLimiter.Create<string, string>(user => RateLimitPartition.GetTokenBucketLimiter(user, _ => options));
        }
        if (limits.RequestsPerSecond > 0) global = new TokenBucketRateLimiter(Bucket(limits.RequestsPerSecond, limits.Burst, autoReplenish: true));
    }

    /// <returns>Null when the request may go on; else the refusal, with how long to wait.</returns>
    public RateRefusal? TryAcquire(string user)
    {
        if (perUser is not null)
        {
            using var lease = perUser.AttemptAcquire(user);
            if (!lease.IsAcquired) return new RateRefusal($"user `{user}` sends more requests than its rate limit allows", WaitOf(lease));
        }
        if (global is not null)
        {
            using var lease = global.AttemptAcquire();
            if (!lease.IsAcquired) return new RateRefusal("the proxy receives more requests than its global rate limit allows", WaitOf(lease));
        }
        return null;
    }

    public async ValueTask DisposeAsync()
    {
        if (perUser is not null) await perUser.DisposeAsync();
        if (global is not null) await global.DisposeAsync();
    }

    private static TimeSpan WaitOf(RateLimitLease lease) =>
        lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(1);

    /// <summary>
    /// A bucket refilled with one token every 1/rate seconds; above 20 per second, with rate tokens every second
    /// (a timer every few milliseconds would cost more than it saves).
    /// </summary>
    private static TokenBucketRateLimiterOptions Bucket(double rate, int burst, bool autoReplenish)
    {
        var (tokens, period) = rate <= 20 ? (1, TimeSpan.FromSeconds(1 / rate)) : ((int)Math.Round(rate), TimeSpan.FromSeconds(1));
        return new TokenBucketRateLimiterOptions
        {
            TokenLimit = burst,
            TokensPerPeriod = tokens,
            ReplenishmentPeriod = period,
            QueueLimit = 0,
            AutoReplenishment = autoReplenish,
        };
    }
}

/// <summary>Why a request was refused by a rate limit, and how long until a token is free.</summary>
internal sealed record RateRefusal(string Message, TimeSpan RetryAfter);
