namespace SqlProxy.Rules.Runtime;

/// <summary>The judgement of one access (or one column of one): the verdict, the deciding rule if any, and why.</summary>
sealed record Outcome(Verdict Verdict, CompiledRule? Rule, string Reason);
