namespace SqlProxy.Rules;

/// <summary>How a consulted rule's conditions came out.</summary>
public enum TraceOutcome
{
    /// <summary>The conditions held: the rule applied.</summary>
    Matched,

    /// <summary>The conditions did not hold.</summary>
    NotMatched,

    /// <summary>Evaluating a condition failed (e.g. a JavaScript hook threw); the rule failed closed.</summary>
    Failed,
}
