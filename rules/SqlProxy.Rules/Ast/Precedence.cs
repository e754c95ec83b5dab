namespace SqlProxy.Rules.Ast;

/// <summary>How tightly an expression binds, loosest first; the printer adds parentheses from it.</summary>
enum Precedence
{
    Or = 1,
    And = 2,
    Not = 3,
    Comparison = 4,
    Atom = 5,
}
