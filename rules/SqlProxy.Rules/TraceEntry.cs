namespace SqlProxy.Rules;

/// <summary>One rule consulted while judging a statement, for <see cref="RuleSet.Explain"/>.</summary>
/// <param name="Rule">The rule.</param>
/// <param name="Effect">What the rule does: <c>allow</c>, <c>block</c>, <c>mask</c>, <c>filter</c> or <c>limit</c>.</param>
/// <param name="Target">What it was consulted for, e.g. <c>select on testdb.public.customers</c>.</param>
/// <param name="Outcome">Whether its conditions held.</param>
/// <param name="Detail">One sentence: why it matched or not, or why it failed; <c>deciding</c> is said of the deciding rule.</param>
public sealed record TraceEntry(RuleReference Rule, string Effect, string Target, TraceOutcome Outcome, string Detail);
