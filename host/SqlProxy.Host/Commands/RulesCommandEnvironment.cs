using Microsoft.Extensions.Logging.Abstractions;
using SqlProxy.Analysis;
using SqlProxy.Host.Configuration;
using SqlProxy.Host.Masking;
using SqlProxy.Host.Rules;
using SqlProxy.Host.Upstream;
using SqlProxy.Rules.Validation;

namespace SqlProxy.Host.Commands;

/// <summary>
/// What <c>rules check</c> and <c>rules test</c> work against. With a configuration: its databases' live schemas
/// (read once, now) and its maskers. Without one: only what needs no database.
/// </summary>
/// <param name="Config">The configuration, or null.</param>
/// <param name="Rules">What the rules are validated against.</param>
/// <param name="Schemas">Each configured database's schema for the analyzer, or null without a configuration.</param>
/// <param name="NotChecked">The databases whose schema could not be read, one sentence each.</param>
internal sealed record RulesCommandEnvironment(
    ProxyConfig? Config,
    RulesEnvironment Rules,
    IReadOnlyDictionary<string, DatabaseSchema>? Schemas,
    IReadOnlyList<string> NotChecked)
{
    private static readonly string[] SystemSchemas = ["pg_catalog", "information_schema"];

    /// <summary>The environment, or null after printing why the configuration cannot be used.</summary>
    public static async Task<RulesCommandEnvironment?> LoadAsync(string? configPath, TextWriter errors, CancellationToken cancellationToken)
    {
        if (configPath is null) return new RulesCommandEnvironment(null, RulesEnvironments.Create(null, null), null, []);
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
        var notChecked = new List<string>();
        var dataSources = databases.Names.ToDictionary(name => name, name => databases.Find(name)!.DataSource, StringComparer.Ordinal);
        var tables = await LiveSchemaReader.ReadAllAsync(dataSources, notChecked, cancellationToken);
        var schemas = tables.Where(entry => entry.Value is not null).ToDictionary(
            entry => entry.Key,
            entry => new DatabaseSchema(entry.Value!.Select(table => new TableColumns(table.Schema, table.Name, table.Columns))),
            StringComparer.Ordinal);
        return new RulesCommandEnvironment(config, RulesEnvironments.Create(tables, MaskerRegistry.BuiltIn(config.Masking)), schemas, notChecked);
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
