using SqlProxy.Host.Plugins;
using SqlProxy.Sdk;

namespace SqlProxy.Host.Rules;

/// <summary>The classification labels rules may mask by: those the loaded classifiers declare.</summary>
internal static class PluginLabels
{
    /// <summary>Every declared label, once, in ordinal order; a classifier whose labels cannot be read declares none.</summary>
    public static IReadOnlyList<string> Of(IEnumerable<IClassifier> classifiers, int timeoutMs)
    {
        var labels = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var classifier in classifiers)
        {
            IReadOnlyList<string>? declared;
            try
            {
                declared = PluginCall.Run(() => classifier.Labels?.ToArray(), timeoutMs);
            }
            catch (Exception)
            {
                continue;
            }
            foreach (var label in declared ?? []) if (!string.IsNullOrWhiteSpace(label)) labels.Add(label);
        }
        return labels.ToArray();
    }
}
