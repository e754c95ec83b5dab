using SqlProxy.Host.Plugins;
using SqlProxy.Host.Upstream;
using SqlProxy.Rules.Validation;

namespace SqlProxy.Host.Rules;

/// <summary>
/// Reads, for each load of the rules, what they are validated against: every configured database's live schema, and
/// the maskers and labels of a plugin snapshot.
/// </summary>
internal sealed class RulesEnvironmentSource(DatabaseRegistry databases, int pluginCallTimeoutMs)
{
    /// <summary>The environment, and one sentence for each database whose names could not be checked.</summary>
    /// <param name="plugins">The plugins the rules will run with; the caller holds it loaded while the environment is used.</param>
    public async Task<(RulesEnvironment Environment, IReadOnlyList<string> NotChecked)> ReadAsync(PluginSnapshot plugins, CancellationToken cancellationToken)
    {
        var notChecked = new List<string>();
        var dataSources = databases.Names.ToDictionary(name => name, name => databases.Find(name)!.DataSource, StringComparer.Ordinal);
        var schemas = await LiveSchemaReader.ReadAllAsync(dataSources, notChecked, cancellationToken);
        return (RulesEnvironments.Create(schemas, plugins, pluginCallTimeoutMs), notChecked);
    }

    /// <summary>What rules already checked against the schema must also hold with another plugin set: its maskers and labels.</summary>
    public RulesEnvironment PluginsOnly(PluginSnapshot plugins) => RulesEnvironments.Create(null, plugins, pluginCallTimeoutMs);
}
