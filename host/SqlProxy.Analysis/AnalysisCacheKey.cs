namespace SqlProxy.Analysis;

/// <summary>What an analysis depends on: the text, the database it names relations in, and the schema snapshot.</summary>
internal readonly record struct AnalysisCacheKey(string Sql, string Database, long SchemaVersion);
