using SqlProxy.Host.Configuration;
using SqlProxy.Host.Rules;

namespace SqlProxy.Host.Plugins;

/// <summary>Why a freshly loaded plugin set must not serve, one sentence each.</summary>
internal static class PluginSetChecks
{
    /// <summary>At start-up: a built-in plugin that did not load is a configuration error, and audit needs a sink.</summary>
    public static IReadOnlyList<string> AtStart(PluginSnapshot candidate) =>
    [
        .. candidate.Failures
            .Where(failure => failure.Source == PluginSources.BuiltIn)
            .Select(failure => $"the built-in plugin `{failure.Folder}` did not load: {failure.Reason}"),
        .. AuditSink(candidate),
    ];

    /// <summary>On a reload: audit still needs a sink, and the rules in force must still hold with the new maskers and labels.</summary>
    public static IReadOnlyList<string> OnReload(PluginSnapshot candidate, RuleSetProvider rules) =>
    [
        .. AuditSink(candidate),
        .. rules.ErrorsWith(candidate).Select(error => $"the rules in force would break: {error}"),
    ];

    private static IEnumerable<string> AuditSink(PluginSnapshot candidate)
    {
        if (candidate.AuditSinks.Count == 0)
            yield return "no loaded plugin has an audit sink, and every statement's audit record needs one (the built-in `audit_file` takes [plugins.audit_file] path)";
    }
}
