using System.Linq.Expressions;

namespace SqlProxy.Rules.Compilation;

/// <summary>A compiled piece of a condition and its static type.</summary>
sealed record Typed(Expression Expression, ValueKind Kind)
{
    public bool IsScalar => Kind is ValueKind.Text or ValueKind.Number;

    public bool IsList => Kind is ValueKind.TextList or ValueKind.NumberList;

    /// <summary>A fact with its own vocabulary, compared only with literals (see <see cref="LiteralComparisons"/>).</summary>
    public bool IsFact => Kind is ValueKind.TimeOfDay or ValueKind.Weekday or ValueKind.Address or ValueKind.StatementKind;
}
