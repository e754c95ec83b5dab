using System.Reflection;
using SqlProxy.Plugins.Classifiers;

namespace SqlProxy.Host.Rules;

/// <summary>The classification labels rules may mask by: those the built-in <see cref="PiiClassifier"/> gives.</summary>
internal static class KnownLabels
{
    /// <summary>Every label is a constant of <see cref="PiiLabels"/>; reading them keeps this list from drifting.</summary>
    public static IReadOnlyList<string> All { get; } = typeof(PiiLabels)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(field => field.IsLiteral && field.FieldType == typeof(string))
        .Select(field => (string)field.GetRawConstantValue()!)
        .ToArray();
}
