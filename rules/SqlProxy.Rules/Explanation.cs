namespace SqlProxy.Rules;

/// <summary>A decision with the trace of every rule consulted on the way, in the order they were consulted.</summary>
/// <param name="Decision">The decision, exactly as <see cref="RuleSet.Decide"/> returns it.</param>
/// <param name="Trace">Every rule consulted.</param>
public sealed record Explanation(Decision Decision, IReadOnlyList<TraceEntry> Trace);
