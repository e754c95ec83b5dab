using System.CommandLine;
using Npgsql;
using SqlProxy.Host.Configuration;
using SqlProxy.PrivatePostgres;

namespace SqlProxy.Host.Commands;

/// <summary>
/// <c>sqlproxy demo</c>: starts a private PostgreSQL from the system's binaries, loads the sample
/// database afresh, and serves with the sample configuration. Stopping the proxy stops PostgreSQL.
/// The connection details reach the configuration through the <c>SQLPROXY_DB_*</c> variables it substitutes.
/// </summary>
internal static class DemoCommand
{
    public static Command Create()
    {
        var config = new Option<FileInfo>("--config") { Description = "Path of sqlproxy.toml", Required = true };
        var scripts = new Option<DirectoryInfo>("--scripts") { Description = "Directory of *.sql files that build the sample database", Required = true };
        var data = new Option<DirectoryInfo>("--data") { Description = "Directory for the private PostgreSQL's data (kept between runs)", Required = true };
        var command = new Command("demo", "Run the proxy on a private PostgreSQL loaded with the sample database") { config, scripts, data };
        command.SetAction((result, cancellationToken) => RunAsync(
            result.GetValue(config)!.FullName, result.GetValue(scripts)!.FullName, result.GetValue(data)!.FullName, cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(string configPath, string scriptsDirectory, string dataDirectory, CancellationToken cancellationToken)
    {
        var database = FirstDatabaseName(configPath);
        if (database is null) return await ServeCommand.RunAsync(configPath, cancellationToken);

        Directory.CreateDirectory(dataDirectory);
        await using var postgres = await PrivatePostgresServer.StartAsync(
            new PrivatePostgresOptions { DataDirectory = Path.Combine(dataDirectory, "pgdata") }, cancellationToken);
        await RecreateAsync(postgres, database, scriptsDirectory, cancellationToken);

        Environment.SetEnvironmentVariable("SQLPROXY_DB_HOST", postgres.Host);
        Environment.SetEnvironmentVariable("SQLPROXY_DB_PORT", postgres.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Environment.SetEnvironmentVariable("SQLPROXY_DB_USER", postgres.Username);
        Environment.SetEnvironmentVariable("SQLPROXY_DB_PASSWORD", postgres.Password);
        Console.WriteLine($"Private PostgreSQL on {postgres.Host}:{postgres.Port} (data in {dataDirectory}); database `{database}` loaded from {scriptsDirectory}.");
        Console.WriteLine("Demo API keys: sk-admin-demo-key, sk-analyst-demo-key, sk-developer-demo-key, sk-auditor-demo-key. Ctrl-C stops the proxy and PostgreSQL.");
        return await ServeCommand.RunAsync(configPath, cancellationToken);
    }

    /// <summary>Drops and reloads the sample database, so every demo run starts from the same data.</summary>
    private static async Task RecreateAsync(PrivatePostgresServer postgres, string database, string scriptsDirectory, CancellationToken cancellationToken)
    {
        await using (var connection = new NpgsqlConnection(postgres.ConnectionString("postgres")))
        {
            await connection.OpenAsync(cancellationToken);
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{database.Replace("\"", "\"\"")}\" WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync(cancellationToken);
        }
        await postgres.CreateDatabaseAsync(database, cancellationToken);
        var files = Directory.GetFiles(scriptsDirectory, "*.sql").Order(StringComparer.Ordinal).ToArray();
        await postgres.RunScriptsAsync(database, files, cancellationToken);
    }

    private static string? FirstDatabaseName(string configPath)
    {
        try
        {
            // Substitution is not needed to learn the name; missing SQLPROXY_DB_* are supplied afterwards.
            return ConfigLoader.Load(configPath, name => name.StartsWith("SQLPROXY_DB_", StringComparison.Ordinal) ? "demo" : Environment.GetEnvironmentVariable(name))
                .Databases[0].Name;
        }
        catch (ConfigException e)
        {
            Console.Error.WriteLine(e.Message);
            return null;
        }
    }
}
