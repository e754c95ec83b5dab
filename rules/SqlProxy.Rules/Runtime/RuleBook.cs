using SqlProxy.Rules.Ast;

namespace SqlProxy.Rules.Runtime;

/// <summary>
/// The compiled rules filed for judging: one scope index for each kind of rule, so that judging looks only at rules
/// of the kind asked about, on the relations in question. Label masks apply to whatever the host classifies, so
/// they are kept as one list.
/// </summary>
sealed class RuleBook
{
    public RuleBook(IEnumerable<CompiledRule> rules)
    {
        var all = rules.ToArray();
        Access = new RuleIndex(all.Where(rule => rule.Effect is Effect.Allow or Effect.Block));
        ColumnMasks = new RuleIndex(all.Where(rule => rule.Mask is { Labels.Count: 0 }));
        Filters = new RuleIndex(all.Where(rule => rule.Effect == Effect.Filter));
        Limits = new RuleIndex(all.Where(rule => rule.Effect == Effect.Limit));
        var labelMasks = all.Where(rule => rule.Mask is { Labels.Count: > 0 }).Distinct().ToArray();
        Array.Sort(labelMasks, CompiledRule.CompareOrder);
        LabelMasks = labelMasks;
    }

    /// <summary>Allow and block rules.</summary>
    public RuleIndex Access { get; }

    /// <summary>Mask rules on columns, tables, schemas, databases or everything.</summary>
    public RuleIndex ColumnMasks { get; }

    /// <summary>Mask rules on classification labels, in rule order.</summary>
    public IReadOnlyList<CompiledRule> LabelMasks { get; }

    /// <summary>Row filter rules, all on tables.</summary>
    public RuleIndex Filters { get; }

    /// <summary>Row limit rules.</summary>
    public RuleIndex Limits { get; }
}
