namespace SqlProxy.Host.Upstream;

/// <summary>Reads every database's schema in the background at start, so the first request rarely waits for it.</summary>
internal sealed class SchemaWarmUp(DatabaseRegistry databases) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        _ = Task.Run(() => databases.WarmUpAsync(CancellationToken.None), CancellationToken.None);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
