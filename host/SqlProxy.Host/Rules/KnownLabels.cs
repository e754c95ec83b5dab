using SqlProxy.Plugins.Classifiers;

namespace SqlProxy.Host.Rules;

/// <summary>The classification labels rules may mask by: those the built-in <see cref="PiiClassifier"/> declares.</summary>
internal static class KnownLabels
{
    /// <summary>The labels of <see cref="SqlProxy.Sdk.IClassifier.Labels"/>; with loaded plugins, those of every classifier.</summary>
    public static IReadOnlyList<string> All { get; } = new PiiClassifier().Labels;
}
