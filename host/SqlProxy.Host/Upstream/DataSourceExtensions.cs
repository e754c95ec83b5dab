using Npgsql;

namespace SqlProxy.Host.Upstream;

internal static class DataSourceExtensions
{
    /// <summary>The database name of a data source, for messages: never the connection string (it holds the password).</summary>
    public static string DatabaseName(this NpgsqlDataSource dataSource) =>
        new NpgsqlConnectionStringBuilder(dataSource.ConnectionString).Database ?? "?";
}
