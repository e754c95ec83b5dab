namespace SqlProxy.Plugins.Tests.Classifiers;

/// <summary>A generated 13–19 digit number, written with or without separators.</summary>
/// <param name="Digits">The digits, first one not 0.</param>
/// <param name="Written">How the number is written (<c>4111 1111 1111 1111</c>, <c>4111-1111-…</c>, <c>4111111…</c>).</param>
public sealed record CardDigits(int[] Digits, string Written)
{
    public static bool PassesLuhn(IReadOnlyList<int> digits) =>
        digits.Reverse().Select((digit, i) => i % 2 == 0 ? digit : digit * 2 > 9 ? digit * 2 - 9 : digit * 2).Sum() % 10 == 0;

    public override string ToString() => Written;
}
