using SqlProxy.Rules.Ast;
using SqlProxy.Rules.Parsing;
using SqlProxy.Rules.Runtime;

namespace SqlProxy.Rules.Compilation;

/// <summary>Checks one parsed rule — what it does, its scopes and its conditions — and compiles it, or reports every problem in it.</summary>
sealed class RuleBinder(string path, List<Problem> problems, ConditionCompiler conditions)
{
    public CompiledRule? Bind(RuleNode node)
    {
        var before = problems.Count;
        var rule = node switch
        {
            AccessRuleNode access => Access(access),
            MaskRuleNode mask => Mask(mask),
            FilterRuleNode filter => Filter(filter),
            LimitRuleNode limit => Limit(limit),
            _ => throw new ArgumentOutOfRangeException(nameof(node), node.GetType().Name),
        };
        return problems.Count > before ? null : rule;
    }

    CompiledRule? Access(AccessRuleNode node)
    {
        var actions = default(ActionSet);
        foreach (var action in node.Actions)
        {
            if (ActionCatalog.TryGet(action.Name, out var kinds))
                actions = actions.Union(kinds);
            else
                problems.Add(new Problem(action.Position, $"`{Literals.Clip(action.Name)}` is not an action",
                    Suggestions.DidYouMean(action.Name, ActionCatalog.Names)
                        ?? "the actions are " + string.Join(", ", ActionCatalog.Names.Select(name => $"`{name}`"))));
        }
        var scopes = ScopeChecks.Check(node.Scopes, problems);
        return Compiled(node, node.Effect, actions, scopes);
    }

    CompiledRule? Mask(MaskRuleNode node)
    {
        var scopes = ScopeChecks.Check(node.Scopes, problems);
        foreach (var label in node.Labels.Where(label => label.Trim().Length == 0))
            problems.Add(new Problem(node.Position, "a label cannot be empty", "e.g. `mask label 'PII.Email' with redact;`"));

        var arguments = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var argument in node.Masker.Arguments)
        {
            var value = argument.Value is TextNode text ? text.Value : argument.Value.ToString();
            if (!arguments.TryAdd(argument.Name, value))
                problems.Add(new Problem(argument.Position, $"`{Literals.Clip(argument.Name)}` is given twice", "give each argument once"));
        }
        return Compiled(node, Effect.Mask, default, scopes, new MaskAction([.. node.Labels], node.Masker.Name, arguments));
    }

    CompiledRule? Filter(FilterRuleNode node)
    {
        var scopes = ScopeChecks.Check(node.Scopes, problems, ScopeChecks.MustBeTable);
        var predicate = PredicateTemplate.Compile(node.Predicate, problems);
        return Compiled(node, Effect.Filter, default, scopes, filter: predicate);
    }

    CompiledRule? Limit(LimitRuleNode node)
    {
        var scopes = ScopeChecks.Check(node.Scopes, problems, ScopeChecks.NotAColumn);
        if (node.Rows.Value < 1)
            problems.Add(new Problem(node.Rows.Position, $"`{node.Rows}` is not a number of rows", "a limit is a whole number of rows, at least 1"));
        return Compiled(node, Effect.Limit, default, scopes, rowLimit: (long)node.Rows.Value);
    }

    /// <summary>The rule with its conditions compiled, or null when its scopes or conditions have problems.</summary>
    CompiledRule? Compiled(RuleNode node, Effect effect, ActionSet actions, List<RuleScope>? scopes,
        MaskAction? mask = null, FilterPredicate? filter = null, long? rowLimit = null)
    {
        var compiled = conditions.TryCompile(node.Clauses, out var condition);
        if (!compiled || scopes is null)
            return null;
        return new CompiledRule(new RuleReference(path, node.Position.Line, node.Name), node.Position.Column, effect, actions, scopes, condition, node.Reason)
        {
            Mask = mask,
            Filter = filter,
            RowLimit = rowLimit,
        };
    }
}
