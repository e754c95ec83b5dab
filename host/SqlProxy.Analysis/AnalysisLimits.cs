namespace SqlProxy.Analysis;

/// <summary>Bounds checked before SQL reaches the native parser (see shared/LIBPG_QUERY.md, Hazards).</summary>
/// <param name="MaxSqlBytes">Longest SQL accepted, in UTF-8 bytes: 1 to <see cref="HardMaxSqlBytes"/>.</param>
/// <param name="MaxDepth">Deepest parse tree accepted, in JSON nesting levels of libpg_query's output: 16 to <see cref="HardMaxDepth"/>.</param>
public sealed record AnalysisLimits(int MaxSqlBytes = 100_000, int MaxDepth = 1_000)
{
    /// <summary>No configuration may accept more SQL than this (1 MiB).</summary>
    public const int HardMaxSqlBytes = 1024 * 1024;

    /// <summary>No configuration may accept a deeper tree than this.</summary>
    public const int HardMaxDepth = 100_000;

    /// <summary>The smallest useful depth: a plain SELECT already nests about ten levels.</summary>
    public const int MinDepth = 16;

    public static AnalysisLimits Default { get; } = new();

    public int MaxSqlBytes { get; init => field = CheckSqlBytes(value); } = CheckSqlBytes(MaxSqlBytes);

    public int MaxDepth { get; init => field = CheckDepth(value); } = CheckDepth(MaxDepth);

    private static int CheckSqlBytes(int value) => value is >= 1 and <= HardMaxSqlBytes
        ? value
        : throw new ArgumentOutOfRangeException(nameof(MaxSqlBytes), value, $"MaxSqlBytes must be between 1 and {HardMaxSqlBytes}.");

    private static int CheckDepth(int value) => value is >= MinDepth and <= HardMaxDepth
        ? value
        : throw new ArgumentOutOfRangeException(nameof(MaxDepth), value, $"MaxDepth must be between {MinDepth} and {HardMaxDepth}.");
}
