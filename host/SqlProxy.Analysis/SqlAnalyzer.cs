using SqlProxy.Analysis.Native;

namespace SqlProxy.Analysis;

/// <summary>Analyses SQL with libpg_query (the PostgreSQL 15 parser); no caching.</summary>
public sealed class SqlAnalyzer : ISqlAnalyzer
{
    /// <summary>
    /// SQL up to this size is parsed on the caller's thread; larger SQL on a thread with a large
    /// stack. libpg_query needs about 125 bytes of native stack per term of a chain, so this
    /// much SQL needs at most about 256 KB: a sixth of a thread-pool thread's 1.5 MB.
    /// </summary>
    internal const int InlineMaxBytes = 4 * 1024;

    /// <summary>Creates an analyzer; fails at once if libpg_query is not installed.</summary>
    /// <exception cref="DllNotFoundException">libpg_query cannot be loaded; the message says how to install it.</exception>
    public SqlAnalyzer(AnalysisLimits limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        Limits = limits;
        PgQueryLibrary.EnsureLoaded();
    }

    public AnalysisLimits Limits { get; }

    public SqlAnalysis Analyze(string sql, string database, DatabaseSchema schema)
    {
        ArgumentNullException.ThrowIfNull(sql);
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(schema);
        if (SqlTextValidator.Validate(sql, Limits, out var utf8Length) is { } invalid)
        {
            return SqlAnalysis.Failed(invalid);
        }

        return utf8Length <= InlineMaxBytes
            ? SqlAnalysisRun.Execute(sql, utf8Length, database, schema, Limits)
            : LargeStackThread.Run(() => SqlAnalysisRun.Execute(sql, utf8Length, database, schema, Limits));
    }
}
