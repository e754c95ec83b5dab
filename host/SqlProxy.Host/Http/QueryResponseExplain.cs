using SqlProxy.Rules;

namespace SqlProxy.Host.Http;

/// <summary>
/// The <c>explain</c> section of a dry run, statement by statement: every rule consulted and what
/// would be done to the statement (row filters, the SQL as it would run) and its result (masks, row limit).
/// </summary>
/// <param name="Notes">What the explanation cannot say in advance, e.g. that label masks need the data.</param>
internal sealed record ExplainView(IReadOnlyList<StatementExplainView> Statements, IReadOnlyList<string> Notes);

/// <param name="RewrittenSql">The statement as it would run, merged with its row filters; null when it would not run.</param>
/// <param name="Masks">Column masks that would apply to the statement's result columns, by provenance.</param>
/// <param name="LabelMasks">Masks by classification label: applied after classification, which needs the rows.</param>
internal sealed record StatementExplainView(
    string Verdict,
    string? Rule,
    string Reason,
    IReadOnlyList<TraceView> Trace,
    IReadOnlyList<ColumnMaskView> Masks,
    IReadOnlyList<LabelMaskView> LabelMasks,
    IReadOnlyList<FilterView> Filters,
    string? RewrittenSql,
    RowLimitView? RowLimit);

/// <param name="Effect"><c>allow</c>, <c>block</c>, <c>mask</c>, <c>filter</c> or <c>limit</c>.</param>
/// <param name="Target">What the rule was consulted for, e.g. <c>select on testdb.public.customers</c>.</param>
internal sealed record TraceView(string Rule, string? RuleName, string Effect, string Target, TraceOutcome Outcome, string Detail);

/// <param name="Column">The result column.</param>
/// <param name="MatchedBy">The source column the rule covers, e.g. <c>column testdb.public.customers.email</c>.</param>
internal sealed record ColumnMaskView(
    string Column, string Masker, IReadOnlyDictionary<string, string> Arguments, string Rule, string? RuleName, string MatchedBy);

internal sealed record LabelMaskView(string Label, string Masker, IReadOnlyDictionary<string, string> Arguments, string Rule, string? RuleName);

/// <param name="Predicate">The rule's predicate, with <c>$1</c>… standing for <paramref name="Values"/> (bound as constants, never spliced).</param>
internal sealed record FilterView(string Table, string Predicate, IReadOnlyList<string> Values, string Rule, string? RuleName);
