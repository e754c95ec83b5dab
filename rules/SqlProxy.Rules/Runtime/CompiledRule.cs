using SqlProxy.Rules.Ast;
using SqlProxy.Sdk;

namespace SqlProxy.Rules.Runtime;

/// <summary>
/// A rule ready to judge: its actions as a bit set (empty for mask, filter and limit rules), its scopes checked,
/// its conditions one compiled delegate, and what a mask, filter or limit rule does.
/// </summary>
sealed class CompiledRule(
    RuleReference reference,
    int column,
    Effect effect,
    ActionSet actions,
    IReadOnlyList<RuleScope> scopes,
    Func<RequestInfo, StatementAnalysis, bool>? condition,
    string? reason)
{
    public RuleReference Reference { get; } = reference;

    /// <summary>The column the rule starts at: with the path and line, a total order over rules that does not depend on how they were listed.</summary>
    public int Column { get; } = column;

    public Effect Effect { get; } = effect;

    public ActionSet Actions { get; } = actions;

    public IReadOnlyList<RuleScope> Scopes { get; } = scopes;

    public string? Reason { get; } = reason;

    public bool HasCondition => condition is not null;

    string? _decidedReason;

    /// <summary>The reason a decision by this rule gives: its <c>because</c>, or a sentence made once (it is the same every time).</summary>
    public string DecidedReason => _decidedReason ??= Effect == Effect.Block ? Reasons.Blocked(this) : Reasons.Allowed(this);

    /// <summary>For a mask rule: the masker, its arguments and the labels it covers.</summary>
    public MaskAction? Mask { get; init; }

    /// <summary>For a filter rule: the predicate and its placeholders.</summary>
    public FilterPredicate? Filter { get; init; }

    /// <summary>For a limit rule: the most rows a SELECT may return.</summary>
    public long? RowLimit { get; init; }

    public static int CompareOrder(CompiledRule a, CompiledRule b)
    {
        var byPath = string.CompareOrdinal(a.Reference.Path, b.Reference.Path);
        if (byPath != 0)
            return byPath;
        return (a.Reference.Line, a.Column).CompareTo((b.Reference.Line, b.Column));
    }

    /// <summary>Evaluates the conditions; never throws. <paramref name="failure"/> says why when the outcome is <see cref="ConditionOutcome.Failed"/>.</summary>
    public ConditionOutcome Evaluate(RequestInfo request, StatementAnalysis statement, out string? failure)
    {
        failure = null;
        if (condition is null)
            return ConditionOutcome.True;
        try
        {
            return condition(request, statement) ? ConditionOutcome.True : ConditionOutcome.False;
        }
        catch (RuleEvaluationException e)
        {
            failure = e.Message;
        }
        catch (NullReferenceException)
        {
            failure = "the request lacks a value the condition reads";
        }
        catch (Exception e)
        {
            failure = e.Message;
        }
        return ConditionOutcome.Failed;
    }
}
