using SqlProxy.Rules.Ast;

namespace SqlProxy.Rules.Tests.Properties;

/// <summary>A generated syntax tree (public so that property methods can take it; the tree itself is internal).</summary>
public sealed class GeneratedRule
{
    internal GeneratedRule(RuleNode node) => Node = node;

    internal RuleNode Node { get; }

    public override string ToString() => Node.ToString();
}
