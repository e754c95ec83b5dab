namespace SqlProxy.Rules.Ast;

/// <summary>How each binary operator is written and how tightly it binds.</summary>
static class BinaryOperators
{
    public static string Text(this BinaryOperator op) => op switch
    {
        BinaryOperator.Or => "or",
        BinaryOperator.And => "and",
        BinaryOperator.Equal => "==",
        BinaryOperator.NotEqual => "!=",
        BinaryOperator.Less => "<",
        BinaryOperator.LessOrEqual => "<=",
        BinaryOperator.Greater => ">",
        BinaryOperator.GreaterOrEqual => ">=",
        BinaryOperator.In => "in",
        BinaryOperator.NotIn => "not in",
        BinaryOperator.Contains => "contains",
        BinaryOperator.StartsWith => "starts with",
        BinaryOperator.EndsWith => "ends with",
        BinaryOperator.Matches => "matches",
        _ => throw new ArgumentOutOfRangeException(nameof(op)),
    };

    public static Precedence Precedence(this BinaryOperator op) => op switch
    {
        BinaryOperator.Or => Ast.Precedence.Or,
        BinaryOperator.And => Ast.Precedence.And,
        _ => Ast.Precedence.Comparison,
    };
}
