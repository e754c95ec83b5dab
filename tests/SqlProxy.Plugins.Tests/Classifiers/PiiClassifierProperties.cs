using FsCheck.Xunit;
using SqlProxy.Sdk;

namespace SqlProxy.Plugins.Tests.Classifiers;

public sealed class PiiClassifierProperties
{
    [Property(Arbitrary = [typeof(PiiArbitraries)])]
    public bool Any_valid_email_is_classified_by_its_values(ValidEmail email) =>
        Classify.Values(email.Value).SequenceEqual(["PII.Email:values"]);

    [Property(Arbitrary = [typeof(PiiArbitraries)])]
    public bool A_Luhn_invalid_number_is_never_a_card_number(CardDigits card)
    {
        var wrong = CheckDigits(card).First(check => !CardDigits.PassesLuhn([.. card.Digits[..^1], check]));
        return !Classify.Values(WithCheckDigit(card, wrong)).Contains("PII.CreditCard:values");
    }

    [Property(Arbitrary = [typeof(PiiArbitraries)])]
    public bool A_Luhn_valid_number_is_a_card_number(CardDigits card)
    {
        var right = CheckDigits(card).Single(check => CardDigits.PassesLuhn([.. card.Digits[..^1], check]));
        return Classify.Values(WithCheckDigit(card, right)).Contains("PII.CreditCard:values");
    }

    [Property]
    public bool The_classifier_never_throws_and_labels_only_real_columns(string?[] names, string?[] texts, long[] numbers, bool[] flags)
    {
        var columns = names.Select((name, i) => new ResultColumn(name!, i % 2 == 0 ? "text" : "bigint", [])).ToArray();
        object?[] values = [.. texts, .. numbers.Cast<object>(), .. flags.Cast<object>()];
        var rows = Enumerable.Range(0, values.Length)
            .Select(r => (IReadOnlyList<object?>)columns.Select((_, c) => values[(r + c) % values.Length]).ToArray())
            .ToArray();

        var found = Classify.Run(new ResultSample(columns, rows));

        return found.All(c => c.ColumnIndex >= 0 && c.ColumnIndex < columns.Length)
            && found.GroupBy(c => (c.ColumnIndex, c.Label)).All(group => group.Count() == 1);
    }

    private static IEnumerable<int> CheckDigits(CardDigits card) => Enumerable.Range(0, 10).Select(offset => (card.Digits[^1] + offset) % 10);

    private static string WithCheckDigit(CardDigits card, int check) => card.Written[..^1] + check;
}
