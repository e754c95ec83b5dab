namespace SqlProxy.Host.Limits;

/// <summary>The value of a <c>Retry-After</c> header: whole seconds, rounded up, at least 1.</summary>
internal static class RetryAfter
{
    public static int Seconds(TimeSpan wait) => (int)Math.Clamp(Math.Ceiling(wait.TotalSeconds), 1, int.MaxValue);
}
