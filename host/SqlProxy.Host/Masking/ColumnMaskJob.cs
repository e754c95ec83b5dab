using SqlProxy.Host.Plugins;
using SqlProxy.Sdk;

namespace SqlProxy.Host.Masking;

/// <summary>One result column to mask with one plugin masker.</summary>
/// <param name="Index">The column's position in each row.</param>
internal sealed record ColumnMaskJob(IMasker Masker, PluginHealth Health, int Index, IReadOnlyDictionary<string, string> Arguments);

/// <summary>What masking one column gave: its masked values in row order, or why the masker failed.</summary>
/// <param name="Faulted">The masker threw or stalled (counted against its plugin's health), rather than refusing its arguments.</param>
internal sealed record ColumnMasking(object?[]? Values, string? Problem, bool Faulted)
{
    public static ColumnMasking Refused(string problem) => new(null, problem, Faulted: false);

    public static ColumnMasking Fault(string problem) => new(null, problem, Faulted: true);
}
