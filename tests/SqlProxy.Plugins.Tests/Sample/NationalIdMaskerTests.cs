using NationalId;

namespace SqlProxy.Plugins.Tests.Sample;

/// <summary>The sample plugin's <c>national_id</c> masker.</summary>
public sealed class NationalIdMaskerTests
{
    private static readonly NationalIdMasker Masker = new();
    private static readonly IReadOnlyDictionary<string, string> None = new Dictionary<string, string>();

    [Theory]
    [InlineData("111222333", null, "******333")]
    [InlineData("1112.22.333", null, "****.**.333")]
    [InlineData("111222333", "0", "*********")]
    [InlineData("111222333", "9", "*********")] // never the whole number
    [InlineData("111222333", "5", "****22333")]
    [InlineData("12", null, "**")]
    [InlineData("NL/111222333", null, "*********333")]
    [InlineData("", null, "")]
    public void Keeps_only_the_last_digits(string value, string? keepLast, string expected)
    {
        var arguments = keepLast is null ? None : new Dictionary<string, string> { [NationalIdMasker.KeepLast] = keepLast };

        Assert.Equal(expected, Masker.Mask(value, arguments));
    }

    [Fact]
    public void Masks_numbers_on_their_digits_and_keeps_null()
    {
        Assert.Equal("******333", Masker.Mask(111222333L, None));
        Assert.Null(Masker.Mask(null, None));
        Assert.Null(Masker.Mask(DBNull.Value, None));
    }

    [Fact]
    public void Validates_its_arguments()
    {
        Assert.Empty(Masker.ValidateArguments(new Dictionary<string, string> { ["keep_last"] = "4" }));
        Assert.Equal(
            ["`keep_last` must be a whole number from 0 to 9, not `10`.", "`keep_first` is not an argument of the `national_id` masker, which takes `keep_last`."],
            Masker.ValidateArguments(new Dictionary<string, string> { ["keep_last"] = "10", ["keep_first"] = "1" }));
    }
}
