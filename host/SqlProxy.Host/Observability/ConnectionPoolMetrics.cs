using System.Diagnostics.Metrics;
using Prometheus;
using SqlProxy.Host.Metrics;
using SqlProxy.Host.Upstream;

namespace SqlProxy.Host.Observability;

/// <summary>
/// <c>sqlproxy_db_pool_connections{database,state}</c> (<c>idle</c> / <c>busy</c>) and
/// <c>sqlproxy_db_pool_max_connections{database}</c>. The counts are Npgsql's own pool statistics, read from its
/// <c>db.client.connection.count</c> instrument (meter <c>Npgsql</c>) at each collection and matched to a configured
/// database by the pool's name (Npgsql names a pool by its connection string without the password). Pools of the same
/// name in one process (two hosts on one database) are added together.
/// </summary>
internal sealed class ConnectionPoolMetrics : IDisposable
{
    private const string NpgsqlMeter = "Npgsql";
    private const string ConnectionCount = "db.client.connection.count";
    private const string PoolNameTag = "db.client.connection.pool.name";
    private const string StateTag = "db.client.connection.state";

    private readonly MeterListener listener = new();
    private readonly IReadOnlyDictionary<string, string> databaseByPool;
    private readonly IReadOnlyList<string> databases;
    private readonly ScrapedGauge connections;
    private readonly Lock collecting = new();
    private Dictionary<(string Database, string State), double> observed = [];

    public ConnectionPoolMetrics(CollectorRegistry registry, DatabaseRegistry registered)
    {
        databases = registered.Names.ToArray();
        var pools = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in databases) pools.TryAdd(registered.Find(name)!.DataSource.ConnectionString, name);
        databaseByPool = pools;

        var factory = Prometheus.Metrics.WithCustomRegistry(registry);
        connections = new ScrapedGauge(factory.CreateGauge(
            "sqlproxy_db_pool_connections", "Connections in each database's pool, by state: idle (open, waiting) or busy (running a statement).",
            "database", "state"));
        var max = factory.CreateGauge("sqlproxy_db_pool_max_connections", "The most connections each database's pool opens (databases.max_pool_size).", "database");
        foreach (var name in databases) max.WithLabels(name).Set(registered.Find(name)!.Config.MaxPoolSize);

        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == NpgsqlMeter && instrument.Name == ConnectionCount) l.EnableMeasurementEvents(instrument);
        };
        listener.SetMeasurementEventCallback<int>((_, value, tags, _) => Observe(value, tags));
        listener.SetMeasurementEventCallback<long>((_, value, tags, _) => Observe(value, tags));
        listener.Start();
        registry.AddBeforeCollectCallback(Refresh);
    }

    /// <summary>Asks Npgsql for its counts now and publishes them; a database without a pool yet shows 0 and 0.</summary>
    public void Refresh()
    {
        lock (collecting)
        {
            observed = [];
            listener.RecordObservableInstruments();
            connections.Publish(databases.SelectMany(database => new[] { "idle", "busy" }.Select(state =>
                new GaugeSample([database, state], observed.GetValueOrDefault((database, state))))));
        }
    }

    private void Observe(double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        string? pool = null, state = null;
        foreach (var tag in tags)
        {
            if (tag.Key == PoolNameTag) pool = tag.Value as string;
            else if (tag.Key == StateTag) state = tag.Value as string;
        }
        if (pool is null || !databaseByPool.TryGetValue(pool, out var database)) return;
        var label = state == "idle" ? "idle" : "busy";
        // Called on the collecting thread, inside RecordObservableInstruments.
        observed[(database, label)] = observed.GetValueOrDefault((database, label)) + value;
    }

    public void Dispose() => listener.Dispose();
}
