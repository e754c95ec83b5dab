using SqlProxy.Rules.Ast;
using SqlProxy.Rules.Runtime;

namespace SqlProxy.Rules.Compilation;

/// <summary>A compiled rule with the file and syntax it came from, for the checks that look at rules together.</summary>
sealed record BoundRule(string Path, RuleNode Node, CompiledRule Rule);
