using SqlProxy.Rules.Ast;
using Superpower.Model;

namespace SqlProxy.Rules.Parsing;

/// <summary>
/// The front door of parsing: text → rules, declarations and problems. After a problem it resumes at the next rule
/// (after the next <c>;</c>, or at a word that can only start a rule), so one run reports every rule's problems.
/// </summary>
static class RuleParser
{
    public static ParsedFile Parse(string text)
    {
        var tokenized = RuleTokenizer.Tokenize(text);
        var tokens = tokenized.Tokens;
        var problems = tokenized.Problems.Select(p => p.Problem).ToList();
        var rules = new List<RuleNode>();
        var includes = new List<IncludeNode>();
        var scripts = new List<ScriptNode>();

        var input = new TokenList<RuleToken>(tokens);
        var chunkStart = 0;
        while (!input.IsAtEnd)
        {
            var next = input.ConsumeToken().Value.Kind switch
            {
                RuleToken.Include => Step(RuleGrammar.Include(input), includes),
                RuleToken.Script => Step(RuleGrammar.Script(input), scripts),
                _ => Step(RuleGrammar.Rule(input), rules),
            };

            var last = tokens[next.Position - 1].Span;
            chunkStart = last.Position.Absolute + last.Length;
            input = next;
        }

        problems.Sort((a, b) => (a.Position.Line, a.Position.Column).CompareTo((b.Position.Line, b.Position.Column)));
        return new ParsedFile(rules, includes, scripts, problems);

        TokenList<RuleToken> Step<T>(TokenListParserResult<RuleToken, T> result, List<T> into)
        {
            var next = result.HasValue ? result.Remainder : Resynchronise(input, result.Remainder);
            var chunkEnd = next.IsAtEnd ? int.MaxValue : tokens[next.Position].Position.Absolute;

            // A rule that holds a lexical problem has been reported already; what the parser makes of it is noise.
            var spoiled = tokenized.Problems.Any(p => p.Offset >= chunkStart && p.Offset < chunkEnd);
            if (!spoiled && result.HasValue)
                into.Add(result.Value);
            else if (!spoiled)
                problems.Add(Describe(result, input, tokens));
            return next;
        }
    }

    static Problem Describe<T>(TokenListParserResult<RuleToken, T> result, TokenList<RuleToken> start, Token<RuleToken>[] tokens)
    {
        var failedAt = result.Remainder;
        var atRuleBoundary = failedAt.IsAtEnd || Keywords.StartsRule(tokens[failedAt.Position].Kind);
        var couldEnd = result.Expectations is { } expected && expected.Any(e => e is "`;`" or "end of condition");
        if (result.ErrorMessage is null && atRuleBoundary && couldEnd && failedAt.Position > start.Position)
        {
            var previous = tokens[failedAt.Position - 1].Span;
            return new Problem(
                new SourcePosition(previous.Position.Line, previous.Position.Column + previous.Length),
                "missing `;` at the end of the rule");
        }

        var position = result.ErrorPosition;
        var (message, help) = ParseHelp.Split(result.FormatErrorMessageFragment());
        return new Problem(new SourcePosition(position.Line, position.Column), message, help);
    }

    static TokenList<RuleToken> Resynchronise(TokenList<RuleToken> start, TokenList<RuleToken> failedAt)
    {
        var list = failedAt.Position > start.Position ? failedAt : start.ConsumeToken().Remainder;
        while (!list.IsAtEnd)
        {
            var token = list.ConsumeToken();
            if (token.Value.Kind == RuleToken.Semicolon)
                return token.Remainder;
            if (Keywords.StartsRule(token.Value.Kind) && list.Position > start.Position)
                return list;
            list = token.Remainder;
        }
        return list;
    }
}
