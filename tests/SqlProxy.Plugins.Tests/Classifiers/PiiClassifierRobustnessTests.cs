using SqlProxy.Plugins.Classifiers;
using SqlProxy.Sdk;

namespace SqlProxy.Plugins.Tests.Classifiers;

public sealed class PiiClassifierRobustnessTests
{
    [Fact]
    public void An_empty_result_has_no_labels()
    {
        Assert.Empty(Classify.Run(new ResultSample([], [])));
    }

    [Fact]
    public void Odd_rows_and_values_do_not_make_it_throw()
    {
        var sample = new ResultSample(
            [new ResultColumn("email", "text", [null!]), new ResultColumn(null!, null!, null!), null!],
            [
                [],
                null!,
                ["a@example.com"],
                [new string('a', 5_000_000) + "@example.com", new object(), DateTime.UnixEpoch, 1.5m, new byte[] { 1, 2 }],
                [null, "\0\uffff\ud800", -1L, true],
            ]);

        Assert.Equal(["PII.Email:name"], Classify.Describe(Classify.Run(sample)));
    }

    [Fact]
    public void Huge_strings_are_not_examined_and_do_not_validate()
    {
        var huge = "+1 415-555-0134" + new string(' ', 10_000);
        Assert.Empty(Classify.Values(huge, huge));
    }

    [Fact]
    public void A_cancelled_request_gets_a_cancelled_task()
    {
        var pending = new PiiClassifier().ClassifyAsync(new ResultSample([], []), new CancellationToken(canceled: true));
        Assert.True(pending.IsCanceled);
    }

    [Fact]
    public void It_is_named_pii()
    {
        Assert.Equal("pii", new PiiClassifier().Name);
    }
}
