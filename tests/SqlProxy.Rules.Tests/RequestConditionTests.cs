using SqlProxy.Rules.Tests.Support;
using SqlProxy.Sdk;

namespace SqlProxy.Rules.Tests;

public class RequestConditionTests
{
    // Wednesday 2026-11-25, 10:15 UTC (11:15 in the sender's +01:00).
    static readonly DateTimeOffset Wednesday = new(2026, 11, 25, 11, 15, 0, TimeSpan.FromHours(1));

    static RequestInfo From(string? address, DateTimeOffset? at = null) =>
        new("req-1", new UserIdentity("bob", ["analyst"], new Dictionary<string, string>()), "testdb", address, at ?? Wednesday);

    static Verdict Decide(string rules, RequestInfo request) =>
        RuleText.Compile(rules).Decide(request, Statements.Select("foo")).Verdict;

    static bool Holds(string condition, RequestInfo request) =>
        Decide($"allow select on * when {condition};", request) == Verdict.Allow;

    [Theory]
    [InlineData("request.time >= '09:00' and request.time < '17:30'", true)]
    [InlineData("request.time >= '10:16'", false)]
    [InlineData("request.time > '10:15'", false)]
    [InlineData("request.time == '10:15'", true)]
    [InlineData("request.time != '10:15'", false)]
    [InlineData("request.time < '11:00'", true)]
    [InlineData("'10:00' < request.time", true)]
    [InlineData("request.time <= '10:15:00'", true)]
    [InlineData("request.weekday == 'wed'", true)]
    [InlineData("request.weekday != 'wed'", false)]
    [InlineData("request.weekday in ('mon', 'tue', 'wed', 'thu', 'fri')", true)]
    [InlineData("request.weekday in ('sat', 'sun')", false)]
    [InlineData("request.weekday not in ('sat', 'sun')", true)]
    [InlineData("request.weekday in ()", false)]
    public void TimeAndWeekdayAreReadInUtc(string condition, bool expected)
    {
        Assert.Equal(expected, Holds(condition, From("10.1.2.3")));
    }

    [Fact]
    public void TheWeekdayIsTheUtcDay()
    {
        // Thursday 00:30 at +02:00 is still Wednesday in UTC.
        var late = From("10.1.2.3", new DateTimeOffset(2026, 11, 26, 0, 30, 0, TimeSpan.FromHours(2)));

        Assert.True(Holds("request.weekday == 'wed' and request.time == '22:30'", late));
    }

    [Theory]
    [InlineData("10.1.2.3", "request.client_address in '10.0.0.0/8'", true)]
    [InlineData("11.1.2.3", "request.client_address in '10.0.0.0/8'", false)]
    [InlineData("192.168.1.5", "request.client_address in ('10.0.0.0/8', '192.168.1.5')", true)]
    [InlineData("192.168.1.6", "request.client_address in ('10.0.0.0/8', '192.168.1.5')", false)]
    [InlineData("192.168.1.6", "request.client_address not in ('10.0.0.0/8', '192.168.1.5')", true)]
    [InlineData("::ffff:10.9.9.9", "request.client_address in '10.0.0.0/8'", true)]
    [InlineData("2001:db8::1", "request.client_address in '2001:db8::/32'", true)]
    [InlineData("2001:db9::1", "request.client_address in '2001:db8::/32'", false)]
    [InlineData("2001:db8::1", "request.client_address in '10.0.0.0/8'", false)]
    [InlineData("10.1.2.3", "request.client_address in '0.0.0.0/0'", true)]
    [InlineData("10.1.2.3", "request.client_address in ()", false)]
    public void ClientAddressesAreMatchedAgainstNetworks(string address, string condition, bool expected)
    {
        Assert.Equal(expected, Holds(condition, From(address)));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not-an-address")]
    public void AMissingOrUnreadableClientAddressFailsClosed(string? address)
    {
        var request = From(address);

        Assert.False(Holds("request.client_address in '0.0.0.0/0'", request));
        Assert.False(Holds("request.client_address not in '10.0.0.0/8'", request));
        Assert.Equal(Verdict.Block, Decide("allow select on *;\nblock select on * when request.client_address in '10.0.0.0/8';", request));
        Assert.Equal(Verdict.Block, Decide("allow select on *;\nblock select on * unless request.client_address in '10.0.0.0/8';", request));
    }

    [Fact]
    public void AFailingAddressConditionSaysWhy()
    {
        var decision = RuleText.Compile("allow select on *;\nblock select on * when request.client_address in '10.0.0.0/8';")
            .Decide(From(null), Statements.Select("foo"));

        Assert.Equal("rule at test.rules:2 could not be evaluated (the request has no client address), so it blocks", decision.Reason);
    }
}
