using Superpower.Display;

namespace SqlProxy.Rules.Parsing;

/// <summary>The kinds of token in rules text. The attributes make Superpower's error messages read well.</summary>
enum RuleToken
{
    None,

    [Token(Category = "identifier", Description = "identifier")]
    Identifier,

    [Token(Category = "identifier", Description = "identifier")]
    QuotedIdentifier,

    [Token(Category = "string", Description = "string")]
    String,

    [Token(Category = "number", Description = "number")]
    Number,

    [Token(Example = ",")]
    Comma,

    [Token(Example = ".")]
    Dot,

    [Token(Example = ";")]
    Semicolon,

    [Token(Example = "(")]
    LParen,

    [Token(Example = ")")]
    RParen,

    [Token(Example = "*")]
    Star,

    [Token(Category = "operator", Example = "==")]
    Equal,

    [Token(Category = "operator", Example = "!=")]
    NotEqual,

    [Token(Category = "operator", Example = "<")]
    Less,

    [Token(Category = "operator", Example = "<=")]
    LessOrEqual,

    [Token(Category = "operator", Example = ">")]
    Greater,

    [Token(Category = "operator", Example = ">=")]
    GreaterOrEqual,

    /// <summary>Names a masker argument (<c>keep_last = 4</c>); in a condition it is a mistake for <c>==</c>.</summary>
    [Token(Example = "=")]
    Assign,

    // Every kind from here on is a keyword (see Keywords.IsKeyword).
    [Token(Category = "keyword", Example = "rule")]
    Rule,

    [Token(Category = "keyword", Example = "allow")]
    Allow,

    [Token(Category = "keyword", Example = "block")]
    Block,

    [Token(Category = "keyword", Example = "on")]
    On,

    [Token(Category = "keyword", Example = "when")]
    When,

    [Token(Category = "keyword", Example = "unless")]
    Unless,

    [Token(Category = "keyword", Example = "because")]
    Because,

    [Token(Category = "keyword", Example = "and")]
    And,

    [Token(Category = "keyword", Example = "or")]
    Or,

    [Token(Category = "keyword", Example = "not")]
    Not,

    [Token(Category = "keyword", Example = "in")]
    In,

    [Token(Category = "keyword", Example = "contains")]
    Contains,

    [Token(Category = "keyword", Example = "has")]
    Has,

    [Token(Category = "keyword", Example = "mask")]
    Mask,

    [Token(Category = "keyword", Example = "with")]
    With,

    [Token(Category = "keyword", Example = "filter")]
    Filter,

    [Token(Category = "keyword", Example = "where")]
    Where,

    [Token(Category = "keyword", Example = "limit")]
    Limit,

    [Token(Category = "keyword", Example = "include")]
    Include,

    [Token(Category = "keyword", Example = "script")]
    Script,
}
