using Npgsql;
using SqlProxy.Host.Configuration;

namespace SqlProxy.Host.Upstream;

/// <summary>One configured database: its connection pool, its live schema and its circuit breaker.</summary>
internal sealed class UpstreamDatabase : IAsyncDisposable
{
    public UpstreamDatabase(DatabaseConfig config, ILogger logger)
    {
        Config = config;
        var builder = new NpgsqlDataSourceBuilder(config.ConnectionString);
        var connection = builder.ConnectionStringBuilder;
        connection.MaxPoolSize = config.MaxPoolSize;
        connection.Options = $"{connection.Options} -c statement_timeout={config.StatementTimeoutMs}".Trim();
        connection.ApplicationName ??= "sqlproxy";
        if (connection.Timeout == new NpgsqlConnectionStringBuilder().Timeout) connection.Timeout = 5;
        DataSource = builder.Build();
        Schema = new SchemaCatalog(DataSource, TimeSpan.FromSeconds(config.SchemaRefreshSeconds), logger);
        Breaker = new DatabaseBreaker(config.Name, config.Breaker ?? BreakerConfig.Default, logger);
    }

    public DatabaseConfig Config { get; }

    public NpgsqlDataSource DataSource { get; }

    public SchemaCatalog Schema { get; }

    public DatabaseBreaker Breaker { get; }

    public ValueTask DisposeAsync() => DataSource.DisposeAsync();
}
