namespace SqlProxy.Host.Plugins;

/// <summary>Loads the plugins when the host starts, before it serves, and unloads them when it stops.</summary>
internal sealed class PluginStartup(PluginCatalog catalog) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => catalog.ReloadAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
