using System.Threading.RateLimiting;

namespace SqlProxy.Host.Limits;

/// <summary>
/// At most <c>max_concurrent_per_user</c> query requests of one user in flight; the next is refused at once, not
/// queued. The slot is held until the request ends: dispose what <see cref="TryEnter"/> returns.
/// </summary>
internal sealed class UserConcurrencyLimiter(int maxPerUser) : IAsyncDisposable
{
    private readonly PartitionedRateLimiter<string>? limiter = maxPerUser <= 0 ? null :
        PartitionedRateLimiter.Create<string, string>(user => RateLimitPartition.GetConcurrencyLimiter(
            user, _ => new ConcurrencyLimiterOptions { PermitLimit = maxPerUser, QueueLimit = 0 }));

    public int MaxPerUser => maxPerUser;

    /// <returns>The held slot (dispose it when the request ends); null when the user already has its maximum in flight.</returns>
    public IDisposable? TryEnter(string user)
    {
        if (limiter is null) return NoSlot.Instance;
        var lease = limiter.AttemptAcquire(user);
        if (lease.IsAcquired) return lease;
        lease.Dispose();
        return null;
    }

    public ValueTask DisposeAsync() => limiter?.DisposeAsync() ?? ValueTask.CompletedTask;

    private sealed class NoSlot : IDisposable
    {
        public static readonly NoSlot Instance = new();

        public void Dispose()
        {
        }
    }
}
