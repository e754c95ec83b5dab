namespace SqlProxy.Analysis.Rewriting;

/// <summary>A statement could not be rewritten with its row filters; the message is one sentence for the client.</summary>
public sealed class RowFilterException(string message) : Exception(message);
