using SqlProxy.Rules.Ast;
using Superpower.Model;

namespace SqlProxy.Rules.Parsing;

/// <summary>
/// Splits rules text into tokens. Hand-written rather than built with Superpower's TokenizerBuilder so that
/// it can report a problem and carry on from the next line, and so give every problem in a file at once.
/// </summary>
sealed class RuleTokenizer
{
    const int MostDigits = 18;

    readonly string _text;
    readonly List<Token<RuleToken>> _tokens = [];
    readonly List<(int, Problem)> _problems = [];
    int _offset, _line = 1, _column = 1;

    RuleTokenizer(string text) => _text = text;

    public static TokenizedText Tokenize(string text)
    {
        var tokenizer = new RuleTokenizer(text);
        tokenizer.Run();
        return new TokenizedText([.. tokenizer._tokens], tokenizer._problems);
    }

    void Run()
    {
        while (_offset < _text.Length)
        {
            var c = _text[_offset];
            if (char.IsWhiteSpace(c))
                Advance(1);
            else if (c == '#')
                SkipLine();
            else
                ReadToken(c);
        }
    }

    void ReadToken(char c)
    {
        if (Literals.IsIdentifierStart(c))
        {
            var length = 1;
            while (_offset + length < _text.Length && Literals.IsIdentifierPart(_text[_offset + length]))
                length++;
            var word = _text.Substring(_offset, length);
            Emit(Keywords.TryGet(word, out var keyword) ? keyword : RuleToken.Identifier, length);
        }
        else if (char.IsAsciiDigit(c) || (c == '-' && char.IsAsciiDigit(Peek(1))))
        {
            var length = 1;
            while (char.IsAsciiDigit(Peek(length)))
                length++;
            if (length > MostDigits)
                Fail($"`{Literals.Clip(_text.Substring(_offset, length))}` is too large a number", $"numbers have at most {MostDigits} digits");
            else
                Emit(RuleToken.Number, length);
        }
        else if (c is '\'' or '"')
        {
            ReadQuoted(c);
        }
        else
        {
            ReadSymbol(c);
        }
    }

    void ReadQuoted(char quote)
    {
        var length = 1;
        while (true)
        {
            var next = Peek(length);
            if (next is '\0' or '\n' or '\r')
            {
                Fail(quote == '\'' ? "unterminated string" : "unterminated quoted name",
                    quote == '\'' ? "close it with `'` on the same line; write `''` for a quote inside a string"
                                  : "close it with `\"` on the same line; write `\"\"` for a quote inside a name");
                return;
            }
            length++;
            if (next == quote)
            {
                if (Peek(length) != quote)
                    break;
                length++;
            }
        }
        Emit(quote == '\'' ? RuleToken.String : RuleToken.QuotedIdentifier, length);
    }

    void ReadSymbol(char c)
    {
        var next = Peek(1);
        switch (c)
        {
            case ',': Emit(RuleToken.Comma, 1); break;
            case '.': Emit(RuleToken.Dot, 1); break;
            case ';': Emit(RuleToken.Semicolon, 1); break;
            case '(': Emit(RuleToken.LParen, 1); break;
            case ')': Emit(RuleToken.RParen, 1); break;
            case '*': Emit(RuleToken.Star, 1); break;
            case '=' when next == '=': Emit(RuleToken.Equal, 2); break;
            case '=': Emit(RuleToken.Assign, 1); break;
            case '!' when next == '=': Emit(RuleToken.NotEqual, 2); break;
            case '<' when next == '>': Fail("`<>` is not an operator", "try `!=`"); break;
            case '<' when next == '=': Emit(RuleToken.LessOrEqual, 2); break;
            case '<': Emit(RuleToken.Less, 1); break;
            case '>' when next == '=': Emit(RuleToken.GreaterOrEqual, 2); break;
            case '>': Emit(RuleToken.Greater, 1); break;
            case '&' when next == '&': Fail("`&&` is not an operator", "try `and`"); break;
            case '|' when next == '|': Fail("`||` is not an operator", "try `or`"); break;
            case '!': Fail("`!` is not an operator", "try `not`, or `!=`"); break;
            default: Fail($"unexpected `{c}`"); break;
        }
    }

    char Peek(int ahead) => _offset + ahead < _text.Length ? _text[_offset + ahead] : '\0';

    void Emit(RuleToken kind, int length)
    {
        var span = new TextSpan(_text, new Position(_offset, _line, _column), length);
        _tokens.Add(new Token<RuleToken>(kind, span));
        Advance(length);
    }

    void Fail(string message, string? help = null)
    {
        _problems.Add((_offset, new Problem(new SourcePosition(_line, _column), message, help)));
        SkipLine();
    }

    void SkipLine()
    {
        while (_offset < _text.Length && _text[_offset] != '\n')
            Advance(1);
    }

    void Advance(int count)
    {
        for (var i = 0; i < count; i++)
        {
            if (_text[_offset] == '\n')
            {
                _line++;
                _column = 1;
            }
            else
            {
                _column++;
            }
            _offset++;
        }
    }
}
