using System.Text;
using SqlProxy.Sdk;

namespace SqlProxy.Rules.Runtime;

/// <summary>The sentences a decision gives when the deciding rule has no <c>because</c>.</summary>
static class Reasons
{
    public static string Allowed(CompiledRule rule) => rule.Reason ?? $"allowed by {Describe(rule)}";

    public static string Blocked(CompiledRule rule) => rule.Reason ?? $"blocked by {Describe(rule)}";

    public static string FailedBlock(CompiledRule rule, string? failure) =>
        $"{Describe(rule)} could not be evaluated ({failure}), so it blocks";

    public static string FailedAllow(CompiledRule rule, string? failure) =>
        $"{Describe(rule)} could not be evaluated ({failure}), so it does not allow";

    public static string FailedObligation(CompiledRule rule, string? failure) =>
        $"the {rule.Effect.ToString().ToLowerInvariant()} {Describe(rule)} could not be evaluated ({failure}), so the statement is blocked";

    public static string NoRule(StatementKind operation, string target, RequestInfo request) =>
        $"no rule allows `{OperationName(operation)}` on {target} for user `{request.User?.Name}`";

    public static string Unjudged(string failure) => $"the statement could not be judged ({failure}), so it is blocked";

    static string Describe(CompiledRule rule) =>
        rule.Reference.Name is { } name ? $"rule `{name}` at {rule.Reference}" : $"rule at {rule.Reference}";

    /// <summary><c>CreateTable</c> → <c>create table</c>.</summary>
    public static string OperationName(StatementKind kind)
    {
        var name = kind.ToString();
        var words = new StringBuilder(name.Length + 4);
        foreach (var c in name)
        {
            if (char.IsUpper(c) && words.Length > 0)
                words.Append(' ');
            words.Append(char.ToLowerInvariant(c));
        }
        return words.ToString();
    }
}
