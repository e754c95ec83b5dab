namespace SqlProxy.Sdk;

/// <summary>What a <see cref="IPolicyEvaluator"/> judges: one statement of a request.</summary>
/// <param name="Request">Who asked, for which database, from where and when.</param>
/// <param name="Statement">What the statement does, as read from PostgreSQL's parse tree.</param>
public sealed record PolicyInput(RequestInfo Request, StatementAnalysis Statement);
