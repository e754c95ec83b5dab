using System.Security.Cryptography;
using System.Text;
using SqlProxy.Plugins.Maskers;

namespace SqlProxy.Plugins.Tests.Maskers;

public sealed class HashMaskerTests
{
    private static readonly HashMasker Masker = new(Args.Key);

    [Fact]
    public void Hashes_with_hmac_sha256_in_lower_case_hex()
    {
        var expected = Convert.ToHexStringLower(HMACSHA256.HashData(Args.Key, Encoding.UTF8.GetBytes("alice@example.com")));

        Assert.Equal(expected[..16], Masker.Mask("alice@example.com", Args.None));
        Assert.Equal(expected, Masker.Mask("alice@example.com", Args.Of(("length", "64"))));
        Assert.Equal(expected[..8], Masker.Mask("alice@example.com", Args.Of(("length", "8"))));
    }

    [Fact]
    public void Hashes_other_values_on_their_invariant_text()
    {
        Assert.Equal(Masker.Mask("42", Args.None), Masker.Mask(42, Args.None));
        Assert.Equal(Masker.Mask("1.5", Args.None), Masker.Mask(1.5m, Args.None));
    }

    [Fact]
    public void Same_key_same_hash_other_key_other_hash()
    {
        var other = new HashMasker(Args.OtherKey);

        Assert.Equal(Masker.Mask("bob", Args.None), new HashMasker((byte[])Args.Key.Clone()).Mask("bob", Args.None));
        Assert.NotEqual(Masker.Mask("bob", Args.None), other.Mask("bob", Args.None));
    }

    [Fact]
    public void The_key_is_copied()
    {
        var key = (byte[])Args.Key.Clone();
        var masker = new HashMasker(key);
        var before = masker.Mask("bob", Args.None);

        key[0] ^= 0xFF;

        Assert.Equal(before, masker.Mask("bob", Args.None));
    }

    [Fact]
    public void Null_stays_null()
    {
        Assert.Null(Masker.Mask(null, Args.None));
        Assert.Null(Masker.Mask(DBNull.Value, Args.None));
    }

    [Fact]
    public void A_short_or_missing_key_is_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => new HashMasker(new byte[15]));
        Assert.StartsWith("The hash masker's key must be at least 16 bytes, not 15.", error.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentNullException>(() => new HashMasker(null!));
    }

    [Theory]
    [InlineData("length", "7", "`length` must be a whole number from 8 to 64, not `7`.")]
    [InlineData("length", "65", "`length` must be a whole number from 8 to 64, not `65`.")]
    [InlineData("length", "long", "`length` must be a whole number from 8 to 64, not `long`.")]
    [InlineData("salt", "x", "`salt` is not an argument of the `hash` masker, which takes `length`.")]
    public void Rejects_bad_arguments(string name, string value, string problem)
    {
        Assert.Equal([problem], Masker.ValidateArguments(Args.Of((name, value))));
    }

    [Fact]
    public void Accepts_good_arguments()
    {
        Assert.Empty(Masker.ValidateArguments(Args.None));
        Assert.Empty(Masker.ValidateArguments(Args.Of(("length", "32"))));
    }
}
