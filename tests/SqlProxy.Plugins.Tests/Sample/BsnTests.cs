using NationalId;

namespace SqlProxy.Plugins.Tests.Sample;

/// <summary>The sample plugin's BSN check (the 11-proof).</summary>
public sealed class BsnTests
{
    [Theory]
    [InlineData("111222333")]
    [InlineData("123456782")]
    [InlineData("999999990")]
    [InlineData("12345672")] // stored as an integer: 012345672
    public void Accepts_numbers_passing_the_11_proof(string text)
    {
        Assert.True(Bsn.IsValid(text));
    }

    [Theory]
    [InlineData("111222334")] // last digit off by one
    [InlineData("123456789")]
    [InlineData("000000000")] // sums to 0
    [InlineData("1234567")] // too short
    [InlineData("1112223330")] // too long
    [InlineData("1112.22.333")]
    [InlineData("11122233x")]
    [InlineData("١١١٢٢٢٣٣٣")] // Arabic-Indic digits are digits, but not ASCII ones
    [InlineData("")]
    public void Rejects_everything_else(string text)
    {
        Assert.False(Bsn.IsValid(text));
    }

    [Fact]
    public void Reads_integers_and_decimals_as_their_digits()
    {
        Assert.True(Bsn.IsValid(111222333L));
        Assert.True(Bsn.IsValid(12345672));
        Assert.True(Bsn.IsValid(123456782m));
        Assert.False(Bsn.IsValid(111222334L));
        Assert.False(Bsn.IsValid(111222333.0));
        Assert.False(Bsn.IsValid((object?)null));
    }

    [Fact]
    public void Changing_any_one_digit_breaks_the_check()
    {
        const string valid = "123456782";
        for (var position = 0; position < valid.Length; position++)
        {
            for (var digit = '0'; digit <= '9'; digit++)
            {
                if (digit == valid[position])
                {
                    continue;
                }

                var changed = string.Concat(valid.AsSpan(0, position), digit.ToString(), valid.AsSpan(position + 1));
                Assert.False(Bsn.IsValid(changed), changed);
            }
        }
    }
}
