using SqlProxy.Rules.Ast;

namespace SqlProxy.Rules.Parsing;

/// <summary>The rules, includes and scripts declared in one file, and every problem found while reading it (in file order).</summary>
sealed record ParsedFile(
    IReadOnlyList<RuleNode> Rules,
    IReadOnlyList<IncludeNode> Includes,
    IReadOnlyList<ScriptNode> Scripts,
    IReadOnlyList<Problem> Problems);
