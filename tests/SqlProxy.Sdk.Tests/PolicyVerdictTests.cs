namespace SqlProxy.Sdk.Tests;

public sealed class PolicyVerdictTests
{
    [Fact]
    public void Abstaining_blocks_nothing()
    {
        Assert.False(PolicyVerdict.Abstain.Blocks);
        Assert.Null(PolicyVerdict.Abstain.Reason);
    }

    [Fact]
    public void A_block_carries_its_reason_and_compares_by_value()
    {
        var verdict = PolicyVerdict.Block("outside business hours");

        Assert.True(verdict.Blocks);
        Assert.Equal("outside business hours", verdict.Reason);
        Assert.Equal(PolicyVerdict.Block("outside business hours"), verdict);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void A_block_needs_a_reason(string reason)
    {
        Assert.ThrowsAny<ArgumentException>(() => PolicyVerdict.Block(reason));
    }
}
