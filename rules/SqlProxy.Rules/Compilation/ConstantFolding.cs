using System.Globalization;
using SqlProxy.Rules.Ast;

namespace SqlProxy.Rules.Compilation;

/// <summary>
/// What a condition comes to whatever the request, when that can be seen from its literals alone: <c>1 &gt; 2</c>,
/// <c>x in ()</c>, <c>not true</c>. Null when it depends on the request.
/// </summary>
static class ConstantFolding
{
    public static bool? Fold(ExpressionNode node) => node switch
    {
        BoolNode boolean => boolean.Value,
        NotNode not => !Fold(not.Operand),
        BinaryNode { Operator: BinaryOperator.And } and => Fold(and.Left) is not { } left ? (Fold(and.Right) == false ? false : null)
            : left ? Fold(and.Right) : false,
        BinaryNode { Operator: BinaryOperator.Or } or => Fold(or.Left) is not { } left ? (Fold(or.Right) == true ? true : null)
            : left ? true : Fold(or.Right),
        BinaryNode { Operator: BinaryOperator.In, Right: ListNode { Items.Count: 0 } } => false,
        BinaryNode { Operator: BinaryOperator.NotIn, Right: ListNode { Items.Count: 0 } } => true,
        BinaryNode { Operator: BinaryOperator.Contains, Left: ListNode { Items.Count: 0 } } => false,
        BinaryNode binary => Compare(binary),
        _ => null,
    };

    static bool? Compare(BinaryNode node)
    {
        if (node.Operator is BinaryOperator.In or BinaryOperator.NotIn or BinaryOperator.Contains)
        {
            var (element, list) = node.Operator == BinaryOperator.Contains ? (node.Right, node.Left) : (node.Left, node.Right);
            var items = list is ListNode listNode ? listNode.Items : (IReadOnlyList<ExpressionNode>)[list];
            bool? found = false;
            foreach (var item in items)
            {
                var equal = Order(element, item);
                if (equal is null)
                    return null;
                found |= equal == 0;
            }
            return node.Operator == BinaryOperator.NotIn ? !found : found;
        }
        if (node.Left is BoolNode left && node.Right is BoolNode right)
            return node.Operator switch
            {
                BinaryOperator.Equal => left.Value == right.Value,
                BinaryOperator.NotEqual => left.Value != right.Value,
                _ => null,
            };
        return Order(node.Left, node.Right) is not { } order ? null : node.Operator switch
        {
            BinaryOperator.Equal => order == 0,
            BinaryOperator.NotEqual => order != 0,
            BinaryOperator.Less => order < 0,
            BinaryOperator.LessOrEqual => order <= 0,
            BinaryOperator.Greater => order > 0,
            BinaryOperator.GreaterOrEqual => order >= 0,
            _ => null,
        };
    }

    /// <summary>How two literals compare as the compiled condition compares them (text with a number as a number), or null.</summary>
    static int? Order(ExpressionNode left, ExpressionNode right) => (left, right) switch
    {
        (TextNode a, TextNode b) => Math.Sign(string.CompareOrdinal(a.Value, b.Value)),
        (NumberNode a, NumberNode b) => a.Value.CompareTo(b.Value),
        (TextNode a, NumberNode b) => Number(a) is { } n ? n.CompareTo(b.Value) : null,
        (NumberNode a, TextNode b) => Number(b) is { } n ? a.Value.CompareTo(n) : null,
        _ => null,
    };

    static decimal? Number(TextNode text) =>
        decimal.TryParse(text.Value, NumberStyles.Integer | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var n) ? n : null;
}
