using System.Globalization;
using SqlProxy.Rules.Ast;
using Superpower;
using Superpower.Model;
using Superpower.Parsers;

namespace SqlProxy.Rules.Parsing;

/// <summary>The small parsers both grammars are built from: single tokens, names, scopes, literals and rule endings.</summary>
static class Lexemes
{
    public static SourcePosition At(Token<RuleToken> token) => new(token.Position.Line, token.Position.Column);

    public static TokenListParser<RuleToken, Token<RuleToken>> Is(RuleToken kind) => Token.EqualTo(kind);

    /// <summary>A word that is a keyword only where it appears (e.g. <c>role</c>, <c>label</c>), written in any case.</summary>
    public static TokenListParser<RuleToken, Token<RuleToken>> Word(string word) =>
        Token.EqualToValueIgnoreCase(RuleToken.Identifier, word).Named($"`{word}`");

    /// <summary>The position of the next token, consuming nothing.</summary>
    public static readonly TokenListParser<RuleToken, SourcePosition> Here = input =>
    {
        var next = input.ConsumeToken();
        return TokenListParserResult.Value(next.HasValue ? At(next.Value) : default, input, input);
    };

    public static readonly TokenListParser<RuleToken, string> Text =
        Is(RuleToken.String).Select(t => Literals.UnquoteString(t.ToStringValue()));

    public static readonly TokenListParser<RuleToken, TextNode> TextValue =
        Is(RuleToken.String).Select(t => new TextNode(Literals.UnquoteString(t.ToStringValue()), At(t)));

    public static readonly TokenListParser<RuleToken, NumberNode> NumberValue =
        Is(RuleToken.Number).Select(t => new NumberNode(decimal.Parse(t.ToStringValue(), CultureInfo.InvariantCulture), At(t)));

    public static readonly TokenListParser<RuleToken, Token<RuleToken>> Name =
        Is(RuleToken.Identifier).Or(Is(RuleToken.QuotedIdentifier));

    // After a dot a keyword cannot be misread, so `testdb.public.limit` needs no quotes.
    public static readonly TokenListParser<RuleToken, Token<RuleToken>> DottedName =
        Is(RuleToken.Dot).IgnoreThen(Name.Or(Token.Matching<RuleToken>(Keywords.IsKeyword, "identifier")).Named("identifier"));

    public static ValueList<string> Names(Token<RuleToken> first, Token<RuleToken>[] rest) =>
        new([Literals.Name(first.ToStringValue()), .. rest.Select(t => Literals.Name(t.ToStringValue()))]);

    public static ValueList<string> WrittenNames(Token<RuleToken> first, Token<RuleToken>[] rest) =>
        new([first.ToStringValue(), .. rest.Select(t => t.Kind == RuleToken.QuotedIdentifier ? Literals.Name(t.ToStringValue()) : t.ToStringValue())]);

    public static readonly TokenListParser<RuleToken, ScopeNode> Scope =
        Is(RuleToken.Star).Select(t => new ScopeNode(ValueList<string>.Empty, At(t)))
            .Or(from first in Name
                from rest in DottedName.Many()
                select new ScopeNode(Names(first, rest), At(first)))
            .Named("scope");

    public static readonly TokenListParser<RuleToken, ValueList<ScopeNode>> Scopes =
        Scope.AtLeastOnceDelimitedBy(Is(RuleToken.Comma)).Select(scopes => new ValueList<ScopeNode>(scopes));

    /// <summary>Accepts <c>;</c>; otherwise fails listing <paramref name="expected"/>, which is what may come before it.</summary>
    public static TokenListParser<RuleToken, Unit> EndOfRule(string[] expected) => input =>
    {
        var next = input.ConsumeToken();
        if (next.HasValue && next.Value.Kind == RuleToken.Semicolon)
            return TokenListParserResult.Value(Unit.Value, input, next.Remainder);
        return TokenListParserResult.Empty<RuleToken, Unit>(input, expected);
    };
}
