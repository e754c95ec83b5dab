using SqlProxy.Rules;

namespace SqlProxy.Host.RuleTests;

/// <summary>What the rules made of a test's request.</summary>
/// <param name="Decision">The request's decision: the first blocked statement's, else the first statement's.</param>
/// <param name="Trace">Every rule consulted, statement by statement.</param>
/// <param name="MaskedColumns">The result columns column masks cover (through their provenance), in result order.</param>
/// <param name="ExecutedSql">The statements as they would run, row filters merged in, joined by <c>; </c>.</param>
/// <param name="RewriteError">Why the row filters could not be merged, or null.</param>
/// <param name="RowLimit">The most rows a limit rule lets the result have, or null.</param>
internal sealed record RuleTestOutcome(
    Decision Decision,
    IReadOnlyList<TraceEntry> Trace,
    IReadOnlyList<string> MaskedColumns,
    string ExecutedSql,
    string? RewriteError,
    long? RowLimit);
