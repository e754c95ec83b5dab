namespace SqlProxy.Rules;

/// <summary>Whether a statement may run.</summary>
public enum Verdict
{
    /// <summary>Every access the statement makes is allowed.</summary>
    Allow,

    /// <summary>At least one access is blocked, or allowed by no rule.</summary>
    Block,
}
