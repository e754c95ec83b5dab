namespace SqlProxy.Analysis.Tests;

public sealed class AnalysisLimitsTests
{
    [Theory]
    [InlineData(0, 1_000)]
    [InlineData(-1, 1_000)]
    [InlineData(AnalysisLimits.HardMaxSqlBytes + 1, 1_000)]
    [InlineData(100_000, AnalysisLimits.MinDepth - 1)]
    [InlineData(100_000, AnalysisLimits.HardMaxDepth + 1)]
    public void Out_of_range_limits_are_refused(int maxSqlBytes, int maxDepth)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new AnalysisLimits(maxSqlBytes, maxDepth));
    }

    [Fact]
    public void Out_of_range_limits_are_refused_through_with_too()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => AnalysisLimits.Default with { MaxSqlBytes = 2 * 1024 * 1024 });
        Assert.Throws<ArgumentOutOfRangeException>(() => AnalysisLimits.Default with { MaxDepth = 0 });
    }

    [Fact]
    public void The_hard_caps_themselves_are_accepted()
    {
        var limits = new AnalysisLimits(AnalysisLimits.HardMaxSqlBytes, AnalysisLimits.HardMaxDepth);

        Assert.Equal((1024 * 1024, 100_000), (limits.MaxSqlBytes, limits.MaxDepth));
        Assert.Equal((100_000, 1_000), (AnalysisLimits.Default.MaxSqlBytes, AnalysisLimits.Default.MaxDepth));
    }
}
