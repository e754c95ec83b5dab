using SqlProxy.Plugins.Maskers;

namespace SqlProxy.Plugins.Tests.Maskers;

public sealed class RedactAndNullMaskerTests
{
    private static readonly RedactMasker Redact = new();
    private static readonly NullMasker Null = new();

    [Fact]
    public void Redact_replaces_values_and_keeps_null()
    {
        Assert.Equal("[REDACTED]", Redact.Mask("alice", Args.None));
        Assert.Equal("[REDACTED]", Redact.Mask(42, Args.None));
        Assert.Equal("(hidden)", Redact.Mask("alice", Args.Of(("text", "(hidden)"))));
        Assert.Null(Redact.Mask(null, Args.None));
    }

    [Fact]
    public void Redact_takes_only_text()
    {
        Assert.Empty(Redact.ValidateArguments(Args.Of(("text", ""))));
        Assert.Equal(
            ["`with` is not an argument of the `redact` masker, which takes `text`."],
            Redact.ValidateArguments(Args.Of(("with", "x"))));
    }

    [Fact]
    public void Null_always_gives_null()
    {
        Assert.Null(Null.Mask("alice", Args.None));
        Assert.Null(Null.Mask(42, Args.None));
        Assert.Null(Null.Mask(null, Args.None));
    }

    [Fact]
    public void Null_takes_no_arguments()
    {
        Assert.Empty(Null.ValidateArguments(Args.None));
        Assert.Equal(
            ["`text` is not an argument of the `null` masker, which takes none."],
            Null.ValidateArguments(Args.Of(("text", "x"))));
    }
}
