namespace SqlProxy.Sdk;

/// <summary>The extensions one plugin contributes, by extension point; a plugin may fill any of them.</summary>
public sealed record PluginExtensions
{
    /// <summary>No extensions.</summary>
    public static PluginExtensions None { get; } = new();

    /// <summary>Classifiers, consulted for every result.</summary>
    public IReadOnlyList<IClassifier> Classifiers { get; init; } = [];

    /// <summary>Policy evaluators, consulted for every statement alongside the rules.</summary>
    public IReadOnlyList<IPolicyEvaluator> PolicyEvaluators { get; init; } = [];

    /// <summary>Maskers, which rules name in <c>mask … with</c>.</summary>
    public IReadOnlyList<IMasker> Maskers { get; init; } = [];

    /// <summary>Audit sinks, given every audit record.</summary>
    public IReadOnlyList<IAuditSink> AuditSinks { get; init; } = [];
}
