// Replaced by the analysis helper.
namespace SqlProxy.Analysis;

/// <summary>Analyses SQL with libpg_query; no caching.</summary>
public sealed class SqlAnalyzer(AnalysisLimits limits) : ISqlAnalyzer
{
    public AnalysisLimits Limits { get; } = limits;
    public SqlAnalysis Analyze(string sql, string database, DatabaseSchema schema) => throw new NotImplementedException();
}

/// <summary>A bounded cache in front of another analyzer, keyed by (SQL text, database, schema version).</summary>
#pragma warning disable CS9113
public sealed class CachingSqlAnalyzer(ISqlAnalyzer inner, int capacity = 10_000) : ISqlAnalyzer
{
    public SqlAnalysis Analyze(string sql, string database, DatabaseSchema schema) => throw new NotImplementedException();
    public long Hits => throw new NotImplementedException();
    public long Misses => throw new NotImplementedException();
}
