using System.Globalization;
using SqlProxy.Plugins.Maskers;

namespace SqlProxy.Plugins.Tests.Maskers;

public sealed class PartialMaskerTests
{
    private static readonly PartialMasker Masker = new();

    [Theory]
    [InlineData("4111111111111111", "", "************1111")]
    [InlineData("4111111111111111", "keep_first=2", "41**********1111")]
    [InlineData("4111111111111111", "keep_first=2;keep_last=0;mask_char=#", "41##############")]
    [InlineData("secret", "keep_last=0", "******")]
    [InlineData("1234", "", "****")]
    [InlineData("12345", "", "*2345")]
    [InlineData("abc", "keep_first=1;keep_last=2", "***")]
    [InlineData("", "", "")]
    [InlineData("José Álvarez", "keep_first=3;keep_last=3", "Jos******rez")]
    [InlineData("Jose\u0301", "keep_first=0;keep_last=1", "***e\u0301")]
    [InlineData("👩‍👩‍👧‍👦👍🏽abc", "keep_first=1;keep_last=1", "👩‍👩‍👧‍👦***c")]
    [InlineData("abcdef", "mask_char=•", "••cdef")]
    [InlineData("\n\u0301", "keep_last=1", "**")]
    public void Masks_strings(string value, string arguments, string expected)
    {
        Assert.Equal(expected, Masker.Mask(value, Parse(arguments)));
    }

    [Fact]
    public void Masks_other_values_on_their_invariant_text()
    {
        Assert.Equal("***45.5", Masker.Mask(12345.5, Args.None));
        Assert.Equal("*****6789", Masker.Mask(123456789L, Args.None));
        Assert.Equal("2024***********************", Masker.Mask(new DateTime(2024, 1, 2, 3, 4, 5), Args.Of(("keep_first", "4"), ("keep_last", "0"))));
        Assert.Equal("****0304", Masker.Mask(new byte[] { 1, 2, 3, 4 }, Args.None));
    }

    [Fact]
    public void Counts_a_lone_surrogate_as_one_character()
    {
        Assert.Equal("****c", Masker.Mask("a\uD800b\uDC00c", Args.Of(("keep_last", "1"))));
    }

    [Fact]
    public void Null_stays_null()
    {
        Assert.Null(Masker.Mask(null, Args.None));
        Assert.Null(Masker.Mask(DBNull.Value, Args.None));
    }

    [Fact]
    public void Unvalidated_bad_arguments_fall_back_to_defaults()
    {
        Assert.Equal("**cdef", Masker.Mask("abcdef", Args.Of(("keep_first", "x"), ("mask_char", "ab"))));
    }

    [Theory]
    [InlineData("keep_first=x", "`keep_first` must be a whole number from 0 to 64, not `x`.")]
    [InlineData("keep_first=-1", "`keep_first` must be a whole number from 0 to 64, not `-1`.")]
    [InlineData("keep_last=65", "`keep_last` must be a whole number from 0 to 64, not `65`.")]
    [InlineData("keep_last=2.5", "`keep_last` must be a whole number from 0 to 64, not `2.5`.")]
    [InlineData("mask_char=", "`mask_char` must be exactly one visible character, not ``.")]
    [InlineData("mask_char=ab", "`mask_char` must be exactly one visible character, not `ab`.")]
    [InlineData("mask_char=\u0301", "`mask_char` must be exactly one visible character, not `\u0301`.")]
    [InlineData("keepfirst=1", "`keepfirst` is not an argument of the `partial` masker, which takes `keep_first`, `keep_last` and `mask_char`.")]
    public void Rejects_bad_arguments(string arguments, string problem)
    {
        Assert.Equal([problem], Masker.ValidateArguments(Parse(arguments)));
    }

    [Theory]
    [InlineData("")]
    [InlineData("keep_first=0;keep_last=64;mask_char=#")]
    [InlineData("keep_first=64;mask_char=👍🏽")]
    public void Accepts_good_arguments(string arguments)
    {
        Assert.Empty(Masker.ValidateArguments(Parse(arguments)));
    }

    [Fact]
    public void Reports_every_problem()
    {
        var problems = Masker.ValidateArguments(Args.Of(("keep_first", "a"), ("keep_last", "b"), ("colour", "red")));

        Assert.Equal(3, problems.Count);
    }

    [Fact]
    public void Counts_text_elements()
    {
        var masked = (string)Masker.Mask("naïve café ☕", Args.Of(("keep_last", "2")))!;

        Assert.Equal(new StringInfo("naïve café ☕").LengthInTextElements, new StringInfo(masked).LengthInTextElements);
        Assert.EndsWith(" ☕", masked, StringComparison.Ordinal);
    }

    private static IReadOnlyDictionary<string, string> Parse(string arguments) =>
        Args.Of([.. arguments.Split(';', StringSplitOptions.RemoveEmptyEntries).Select(a => a.Split('=', 2)).Select(p => (p[0], p[1]))]);
}
