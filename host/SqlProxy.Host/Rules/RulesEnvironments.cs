using SqlProxy.Analysis.Rewriting;
using SqlProxy.Host.Plugins;
using SqlProxy.Rules.Validation;

namespace SqlProxy.Host.Rules;

/// <summary>Builds the <see cref="RulesEnvironment"/> rules are validated against: databases, maskers, labels, predicates.</summary>
internal static class RulesEnvironments
{
    /// <param name="databases">The configured databases with their tables (null for one whose schema could not be read), or null when they are not checked.</param>
    /// <param name="plugins">The loaded plugins: their maskers are the ones rules may name, their classifiers' labels the ones rules may mask by.</param>
    /// <param name="callTimeoutMs">How long a plugin may take to answer (<c>plugins.call_timeout_ms</c>).</param>
    public static RulesEnvironment Create(IReadOnlyDictionary<string, IReadOnlyList<KnownTable>?>? databases, PluginSnapshot plugins, int callTimeoutMs) => new()
    {
        Databases = databases,
        Maskers = GuardedMasker.Wrap(plugins.Maskers, callTimeoutMs),
        Labels = PluginLabels.Of(plugins.Classifiers, callTimeoutMs),
        CheckPredicate = RowFilterRewriter.CheckPredicate,
    };
}
