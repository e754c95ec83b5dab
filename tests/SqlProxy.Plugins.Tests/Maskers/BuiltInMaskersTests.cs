using SqlProxy.Plugins.Maskers;

namespace SqlProxy.Plugins.Tests.Maskers;

public sealed class BuiltInMaskersTests
{
    [Fact]
    public void Creates_all_five_with_distinct_names()
    {
        var names = BuiltInMaskers.Create(Args.Key).Select(m => m.Name);

        Assert.Equal(["partial", "hash", "redact", "null", "email_domain"], names);
    }

    [Fact]
    public void Refuses_a_short_key()
    {
        Assert.Throws<ArgumentException>(() => BuiltInMaskers.Create([1, 2, 3]));
    }
}
