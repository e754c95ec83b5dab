namespace SqlProxy.Analysis;

/// <summary>Turns request SQL into one analysis per statement, or a precise error.</summary>
public interface ISqlAnalyzer
{
    /// <summary>Analyses <paramref name="sql"/> as sent to <paramref name="database"/>.</summary>
    /// <param name="sql">The request's SQL: one or more statements.</param>
    /// <param name="database">The configured database name; relations are qualified with it.</param>
    /// <param name="schema">The database's live schema (for <c>*</c> and unqualified names), or <see cref="DatabaseSchema.Empty"/>.</param>
    SqlAnalysis Analyze(string sql, string database, DatabaseSchema schema);
}
