namespace SqlProxy.Host.Plugins;

/// <summary>The plugins loaded at start-up cannot serve; every reason is listed.</summary>
public sealed class PluginStartupException(IReadOnlyList<string> reasons)
    : Exception("the plugins cannot serve:" + string.Concat(reasons.Select(reason => Environment.NewLine + "  " + reason)))
{
    /// <summary>Why, one sentence each.</summary>
    public IReadOnlyList<string> Reasons { get; } = reasons;
}
