using SqlProxy.Rules;
using SqlProxy.Sdk;

namespace SqlProxy.Host.Masking;

/// <summary>Chooses the mask for a result column: the first directive, in rule order, that covers it.</summary>
internal static class MaskSelector
{
    /// <summary>A directive and what it matched, or null when no directive covers the column.</summary>
    /// <param name="sources">The columns the result column derives from (its provenance).</param>
    /// <param name="labels">The labels classification gave the result column; empty before classification.</param>
    public static (MaskDirective Directive, string MatchedBy)? Select(
        IReadOnlyList<MaskDirective> masks, IReadOnlyList<QualifiedColumn> sources, IReadOnlyCollection<string> labels)
    {
        foreach (var mask in masks)
        {
            if (mask.Columns is { } pattern && sources.FirstOrDefault(source => Covers(pattern, source)) is { } source)
                return (mask, $"column {source}");
            if (mask.Label is { } label && labels.FirstOrDefault(l => string.Equals(l, label, StringComparison.OrdinalIgnoreCase)) is not null)
                return (mask, $"label {label}");
        }
        return null;
    }

    /// <summary>
    /// A source column <c>*</c> is "some column of this relation, unknown which" (the analysis could not
    /// expand it): a mask on any column of that relation covers it, so unknown provenance masks rather than leaks.
    /// </summary>
    public static bool Covers(ColumnPattern pattern, QualifiedColumn source) =>
        pattern.Matches(source) || (source.Column == "*" && (pattern with { Column = null }).Matches(source));
}
