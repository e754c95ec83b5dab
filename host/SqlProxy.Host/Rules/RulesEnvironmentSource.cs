using SqlProxy.Host.Masking;
using SqlProxy.Host.Upstream;
using SqlProxy.Rules.Validation;

namespace SqlProxy.Host.Rules;

/// <summary>Reads, for each load of the rules, what they are validated against: every configured database's live schema, the maskers, the labels.</summary>
internal sealed class RulesEnvironmentSource(DatabaseRegistry databases, MaskerRegistry? maskers)
{
    /// <summary>The environment, and one sentence for each database whose names could not be checked.</summary>
    public async Task<(RulesEnvironment Environment, IReadOnlyList<string> NotChecked)> ReadAsync(CancellationToken cancellationToken)
    {
        var notChecked = new List<string>();
        var dataSources = databases.Names.ToDictionary(name => name, name => databases.Find(name)!.DataSource, StringComparer.Ordinal);
        var schemas = await LiveSchemaReader.ReadAllAsync(dataSources, notChecked, cancellationToken);
        return (RulesEnvironments.Create(schemas, maskers), notChecked);
    }
}
