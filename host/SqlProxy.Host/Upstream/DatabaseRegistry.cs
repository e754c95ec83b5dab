using SqlProxy.Host.Configuration;

namespace SqlProxy.Host.Upstream;

/// <summary>The configured databases by name.</summary>
internal sealed class DatabaseRegistry(IReadOnlyList<DatabaseConfig> databases, ILogger<DatabaseRegistry> logger) : IAsyncDisposable
{
    private readonly Dictionary<string, UpstreamDatabase> byName =
        databases.ToDictionary(d => d.Name, d => new UpstreamDatabase(d, logger), StringComparer.Ordinal);

    public IEnumerable<string> Names => byName.Keys;

    public UpstreamDatabase? Find(string name) => byName.GetValueOrDefault(name);

    /// <summary>Reads every schema once at start; a database that is down is retried on first use.</summary>
    public Task WarmUpAsync(CancellationToken cancellationToken) =>
        Task.WhenAll(byName.Values.Select(d => d.Schema.RefreshAsync(cancellationToken)));

    public async ValueTask DisposeAsync()
    {
        foreach (var database in byName.Values) await database.DisposeAsync();
    }
}
