using Superpower.Model;

namespace SqlProxy.Rules.Parsing;

/// <summary>The tokens of one file and the lexical problems found in it (each at an absolute offset).</summary>
sealed record TokenizedText(Token<RuleToken>[] Tokens, IReadOnlyList<(int Offset, Problem Problem)> Problems);
