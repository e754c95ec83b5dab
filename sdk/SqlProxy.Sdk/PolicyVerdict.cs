namespace SqlProxy.Sdk;

/// <summary>
/// What a <see cref="IPolicyEvaluator"/> says of a statement: nothing (<see cref="Abstain"/>), or that it must not run
/// (<see cref="Block"/>, with a reason). There is no "allow": only the rules allow.
/// </summary>
public sealed record PolicyVerdict
{
    private PolicyVerdict(bool blocks, string? reason)
    {
        Blocks = blocks;
        Reason = reason;
    }

    /// <summary>The evaluator has no objection; the rules decide.</summary>
    public static PolicyVerdict Abstain { get; } = new(false, null);

    /// <summary>Whether the statement is refused.</summary>
    public bool Blocks { get; }

    /// <summary>Why the statement is refused, shown to the user and recorded in the audit; null when it is not.</summary>
    public string? Reason { get; }

    /// <summary>Refuses the statement.</summary>
    /// <param name="reason">One sentence saying why, shown to the user; it must not contain secrets.</param>
    /// <returns>A blocking verdict.</returns>
    /// <exception cref="ArgumentException">The reason is null, empty or white space.</exception>
    public static PolicyVerdict Block(string reason)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        return new(true, reason);
    }
}
