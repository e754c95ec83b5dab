using SqlProxy.Sdk;

namespace SqlProxy.Host.Plugins;

/// <summary>The names of the extension points, as <c>GET /api/v1/plugins</c> reports them.</summary>
internal static class PluginKinds
{
    public const string Classifier = "classifier";
    public const string PolicyEvaluator = "policy_evaluator";
    public const string Masker = "masker";
    public const string AuditSink = "audit_sink";

    /// <summary>The kinds a plugin's extensions contribute to.</summary>
    public static IReadOnlyList<string> Of(PluginExtensions extensions)
    {
        var kinds = new List<string>();
        if (extensions.Classifiers.Count > 0) kinds.Add(Classifier);
        if (extensions.PolicyEvaluators.Count > 0) kinds.Add(PolicyEvaluator);
        if (extensions.Maskers.Count > 0) kinds.Add(Masker);
        if (extensions.AuditSinks.Count > 0) kinds.Add(AuditSink);
        return kinds;
    }

    /// <summary>Why the extensions a plugin returned cannot be used (a missing list or a null entry), or null when they can.</summary>
    public static string? Problem(PluginExtensions? extensions)
    {
        if (extensions is null) return "CreateExtensionsAsync returned null instead of extensions";
        (string Kind, IEnumerable<object?>? Items)[] lists =
        [
            ("Classifiers", extensions.Classifiers), ("PolicyEvaluators", extensions.PolicyEvaluators),
            ("Maskers", extensions.Maskers), ("AuditSinks", extensions.AuditSinks),
        ];
        foreach (var (kind, items) in lists)
        {
            if (items is null) return $"its extensions' `{kind}` is null";
            if (items.Any(item => item is null)) return $"its extensions' `{kind}` holds a null entry";
        }
        return null;
    }
}
