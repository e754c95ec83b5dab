namespace SqlProxy.Analysis;

/// <summary>Bounds checked before SQL reaches the native parser (see shared/LIBPG_QUERY.md, Hazards).</summary>
/// <param name="MaxSqlBytes">Longest SQL accepted, in UTF-8 bytes.</param>
/// <param name="MaxDepth">Deepest parse tree accepted, in JSON nesting levels of libpg_query's output.</param>
public sealed record AnalysisLimits(int MaxSqlBytes = 100_000, int MaxDepth = 1_000)
{
    public static AnalysisLimits Default { get; } = new();
}
