namespace SqlProxy.Plugins.Tests.Classifiers;

public sealed class PiiClassifierValueTests
{
    [Fact]
    public void Email_addresses_are_recognised_by_their_values()
    {
        Assert.Equal(["PII.Email:values"], Classify.Values("ana.souza@example.com", "o'brien+news@mail.example.org", " jose@xn--bcher-kva.example "));
    }

    [Theory]
    [InlineData("+1 415-555-0134")]
    [InlineData("(212) 555-0187")]
    [InlineData("+44 20 7946 0958")]
    [InlineData("+44 (0)20 7946 0958")]
    [InlineData("+14155550134")]
    [InlineData("212.555.0187")]
    [InlineData("1-800-555-0199")]
    [InlineData("06 12 34 56 78")]
    [InlineData("+49 30 901820")]
    [InlineData("+81 3-1234-5678")]
    public void Phone_numbers_in_common_formats_are_recognised_by_their_values(string phone)
    {
        Assert.Equal(["PII.Phone:values"], Classify.Values(phone));
    }

    [Theory]
    [InlineData("2024-01-15")]
    [InlineData("15.01.2024")]
    [InlineData("2024-01-15 10:30:00")]
    [InlineData("1234.56")]
    [InlineData("12345.67")]
    [InlineData("1 234 567")]
    [InlineData("1 234 567.89")]
    [InlineData("ORD-2024-00042")]
    [InlineData("2024-000123")]
    [InlineData("4155550134")]
    [InlineData("94107")]
    [InlineData("94107-1234")]
    [InlineData("192.168.100.200")]
    [InlineData("123-45-6789")]
    [InlineData("+0123456789")]
    [InlineData("555-0134")]
    public void Dates_amounts_ids_and_codes_are_not_phone_numbers(string value)
    {
        Assert.DoesNotContain("PII.Phone:values", Classify.Values(value));
    }

    [Fact]
    public void Numbers_that_are_not_strings_are_not_phone_numbers()
    {
        Assert.Empty(Classify.Values(4155550134L, 2125550187L, 14155550134m));
    }

    [Theory]
    [InlineData("123-45-6789")]
    [InlineData("078-05-1120")]
    [InlineData("899-99-9999")]
    public void Social_security_numbers_are_recognised_by_their_values(string ssn)
    {
        Assert.Equal(["PII.SSN:values"], Classify.Values(ssn));
    }

    [Theory]
    [InlineData("000-12-3456")]
    [InlineData("666-12-3456")]
    [InlineData("900-12-3456")]
    [InlineData("123-00-4567")]
    [InlineData("123-45-0000")]
    [InlineData("123456789")]
    [InlineData("123 45 6789")]
    public void Numbers_the_SSA_never_issues_are_not_social_security_numbers(string value)
    {
        Assert.DoesNotContain("PII.SSN:values", Classify.Values(value));
    }

    [Theory]
    [InlineData("4111 1111 1111 1111")]
    [InlineData("4111-1111-1111-1111")]
    [InlineData("5555555555554444")]
    [InlineData("3782 822463 10005")]
    [InlineData("4222222222222")]
    [InlineData("6011111111111117")]
    public void Luhn_valid_card_numbers_are_recognised_by_their_values(string card)
    {
        Assert.Equal(["PII.CreditCard:values"], Classify.Values(card));
    }

    [Theory]
    [InlineData("4111 1111 1111 1112")]
    [InlineData("1234567812345678")]
    [InlineData("0000 0000 0000 0000")]
    [InlineData("4111  1111 1111 1111")]
    [InlineData("4111 1111 1111 1111-")]
    [InlineData("411111111111")]
    public void Luhn_invalid_or_malformed_numbers_are_not_card_numbers(string value)
    {
        Assert.DoesNotContain("PII.CreditCard:values", Classify.Values(value));
    }

    [Fact]
    public void Values_are_stronger_evidence_than_a_name_and_both_are_not_reported()
    {
        Assert.Equal(["PII.Email:values"], Classify.Column("email", "ana@example.com", "bo@example.net"));
    }

    [Fact]
    public void Values_can_add_a_label_the_name_does_not_announce()
    {
        Assert.Equal(["PII.Email:values", "PII.Phone:name"], Classify.Column("phone", "ana@example.com", "bo@example.net"));
    }

    [Fact]
    public void Eighty_percent_of_the_non_null_values_must_validate()
    {
        Assert.Equal(["PII.Email:values"], Classify.Values("a@example.com", "b@example.com", "c@example.com", "d@example.com", "n/a", null, null));
        Assert.Empty(Classify.Values("a@example.com", "b@example.com", "c@example.com", "n/a", "unknown"));
    }

    [Fact]
    public void A_column_of_nulls_or_empty_strings_has_no_value_evidence()
    {
        Assert.Empty(Classify.Values(null, null, DBNull.Value));
        Assert.Empty(Classify.Values("", " ", ""));
        Assert.Empty(Classify.Values());
    }
}
