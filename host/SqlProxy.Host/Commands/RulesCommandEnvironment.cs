using Microsoft.Extensions.Logging.Abstractions;
using SqlProxy.Analysis;
using SqlProxy.Host.Configuration;
using SqlProxy.Host.Plugins;
using SqlProxy.Host.Rules;
using SqlProxy.Host.Upstream;
using SqlProxy.Rules.Validation;

namespace SqlProxy.Host.Commands;

/// <summary>
/// What <c>rules check</c> and <c>rules test</c> work against: the plugins' maskers and labels (the configured plugins,
/// or without a configuration the built-in ones with no settings), and with a configuration its databases' live
/// schemas (read once, now). Dispose it to unload the plugins.
/// </summary>
/// <param name="Config">The configuration, or null.</param>
/// <param name="Rules">What the rules are validated against.</param>
/// <param name="Schemas">Each configured database's schema for the analyzer, or null without a configuration.</param>
/// <param name="NotChecked">The databases whose schema could not be read, and the plugin folders that did not load, one sentence each.</param>
/// <param name="Plugins">The loaded plugins, held until disposal: the validator calls their maskers.</param>
internal sealed record RulesCommandEnvironment(
    ProxyConfig? Config,
    RulesEnvironment Rules,
    IReadOnlyDictionary<string, DatabaseSchema>? Schemas,
    IReadOnlyList<string> NotChecked,
    PluginCatalog Plugins) : IAsyncDisposable
{
    private static readonly string[] SystemSchemas = ["pg_catalog", "information_schema"];

    /// <summary>The environment, or null after printing why the configuration cannot be used.</summary>
    public static async Task<RulesCommandEnvironment?> LoadAsync(string? configPath, TextWriter errors, CancellationToken cancellationToken)
    {
        if (configPath is null)
        {
            var builtIn = await LoadPluginsAsync(PluginsConfig.Default, cancellationToken);
            return new RulesCommandEnvironment(null, RulesEnvironments.Create(null, builtIn.Snapshot, PluginsConfig.Default.CallTimeoutMs), null, builtIn.Failures, builtIn.Catalog);
        }
        ProxyConfig config;
        try
        {
            config = ConfigLoader.Load(configPath);
        }
        catch (ConfigException e)
        {
            await errors.WriteLineAsync(e.Message);
            return null;
        }

        await using var databases = new DatabaseRegistry(config.Databases, NullLogger<DatabaseRegistry>.Instance);
        var plugins = await LoadPluginsAsync(config.Plugins, cancellationToken);
        var notChecked = new List<string>(plugins.Failures);
        var dataSources = databases.Names.ToDictionary(name => name, name => databases.Find(name)!.DataSource, StringComparer.Ordinal);
        var tables = await LiveSchemaReader.ReadAllAsync(dataSources, notChecked, cancellationToken);
        var schemas = tables.Where(entry => entry.Value is not null).ToDictionary(
            entry => entry.Key,
            entry => new DatabaseSchema(entry.Value!.Select(table => new TableColumns(table.Schema, table.Name, table.Columns))),
            StringComparer.Ordinal);
        return new RulesCommandEnvironment(
            config, RulesEnvironments.Create(tables, plugins.Snapshot, config.Plugins.CallTimeoutMs), schemas, notChecked, plugins.Catalog);
    }

    public ValueTask DisposeAsync() => Plugins.DisposeAsync();

    private static async Task<(PluginCatalog Catalog, PluginSnapshot Snapshot, IReadOnlyList<string> Failures)> LoadPluginsAsync(
        PluginsConfig config, CancellationToken cancellationToken)
    {
        var catalog = new PluginCatalog(config, NullLogger<PluginCatalog>.Instance);
        var snapshot = (await catalog.ReloadAsync(cancellationToken)).Serving;
        var failures = snapshot.Failures.Select(failure => $"the {failure.Source} plugin folder `{failure.Folder}` did not load: {failure.Reason}").ToArray();
        return (catalog, snapshot, failures);
    }

    /// <summary>The line that says what the rules were checked against.</summary>
    public string CheckedAgainst()
    {
        if (Schemas is null)
            return "Not checked against a database: without --config, the names of databases, schemas, tables and columns are not checked.";
        var checkedDatabases = Rules.Databases!
            .Where(database => database.Value is not null)
            .OrderBy(database => database.Key, StringComparer.Ordinal)
            .Select(database => $"{database.Key} ({database.Value!.Count(table => !SystemSchemas.Contains(table.Schema))} tables and views)")
            .ToArray();
        return checkedDatabases.Length == 0
            ? "Not checked against a database: no configured database could be read."
            : "Checked against the live schema of: " + string.Join(", ", checkedDatabases) + ".";
    }
}
