namespace SqlProxy.Host.Health;

/// <summary>The host's own part of readiness: started, and not stopping (a stopping host must leave the load balancer first).</summary>
internal static class HostHealth
{
    public static ComponentHealth Of(IHostApplicationLifetime lifetime)
    {
        if (lifetime.ApplicationStopping.IsCancellationRequested) return new ComponentHealth("unavailable", "the host is stopping");
        return lifetime.ApplicationStarted.IsCancellationRequested
            ? new ComponentHealth(ComponentHealth.Ok)
            : new ComponentHealth("unavailable", "the host has not finished starting");
    }
}
