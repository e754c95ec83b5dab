using System.Linq.Expressions;

namespace SqlProxy.Rules.Compilation;

/// <summary>A compiled piece of a condition and its static type.</summary>
sealed record Typed(Expression Expression, ValueKind Kind)
{
    public bool IsScalar => Kind is ValueKind.Text or ValueKind.Number;

    public bool IsList => Kind is ValueKind.TextList or ValueKind.NumberList;
}
