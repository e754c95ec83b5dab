using SqlProxy.Plugins.Maskers;

namespace SqlProxy.Plugins.Tests.Maskers;

public sealed class EmailDomainMaskerTests
{
    private static readonly EmailDomainMasker Masker = new();

    [Theory]
    [InlineData("alice@example.com", "***@example.com")]
    [InlineData("a.b+tag@mail.example.co.uk", "***@mail.example.co.uk")]
    [InlineData("@example.com", "***@example.com")]
    [InlineData("alice", "***")]
    [InlineData("alice@", "***")]
    [InlineData("a@b@example.com", "***")]
    [InlineData("", "***")]
    public void Keeps_only_the_domain(string value, string expected)
    {
        Assert.Equal(expected, Masker.Mask(value, Args.None));
    }

    [Fact]
    public void Uses_the_local_argument()
    {
        Assert.Equal("user@example.com", Masker.Mask("alice@example.com", Args.Of(("local", "user"))));
        Assert.Equal("***", Masker.Mask("alice", Args.Of(("local", "user"))));
    }

    [Fact]
    public void Null_stays_null_and_other_values_are_redacted()
    {
        Assert.Null(Masker.Mask(null, Args.None));
        Assert.Equal("***", Masker.Mask(42, Args.None));
    }

    [Theory]
    [InlineData("local", "x@y", "`local` must be text without `@`, not `x@y`.")]
    [InlineData("domain", "x", "`domain` is not an argument of the `email_domain` masker, which takes `local`.")]
    public void Rejects_bad_arguments(string name, string value, string problem)
    {
        Assert.Equal([problem], Masker.ValidateArguments(Args.Of((name, value))));
    }

    [Fact]
    public void Accepts_good_arguments()
    {
        Assert.Empty(Masker.ValidateArguments(Args.None));
        Assert.Empty(Masker.ValidateArguments(Args.Of(("local", "xxx"))));
    }
}
