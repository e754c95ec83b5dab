using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Logging.Abstractions;
using SqlProxy.Host.Health;

namespace SqlProxy.Host.Tests.Health;

/// <summary>Readiness follows the host's lifetime: not ready before it has started, ready while it serves, not ready once it stops.</summary>
public sealed class HostHealthTests
{
    [Fact]
    public void The_host_is_ready_only_between_started_and_stopping()
    {
        var lifetime = new ApplicationLifetime(NullLogger<ApplicationLifetime>.Instance);

        var starting = HostHealth.Of(lifetime);
        lifetime.NotifyStarted();
        var serving = HostHealth.Of(lifetime);
        lifetime.StopApplication();
        var stopping = HostHealth.Of(lifetime);

        Assert.False(starting.IsOk);
        Assert.Contains("not finished starting", starting.Detail);
        Assert.True(serving.IsOk);
        Assert.False(stopping.IsOk);
        Assert.Equal("unavailable", stopping.Status);
        Assert.Contains("stopping", stopping.Detail);
        Assert.False(HealthReport.Of(new Dictionary<string, ComponentHealth> { ["host"] = stopping, ["rules"] = serving }).IsServing);
    }
}
