using System.Net.Sockets;
using Npgsql;
using SqlProxy.Host.Upstream;

namespace SqlProxy.Host.Tests.Limits;

/// <summary>Which failures count toward a database's circuit breaker: the database being unreachable or broken, never the statement.</summary>
public sealed class UpstreamFailureTests
{
    [Theory]
    [InlineData("57P01", true)]  // admin shutdown
    [InlineData("57P03", true)]  // cannot connect now (starting up)
    [InlineData("08006", true)]  // connection failure
    [InlineData("53300", true)]  // too many connections
    [InlineData("58030", true)]  // I/O error
    [InlineData("57014", false)] // statement timeout
    [InlineData("42601", false)] // syntax error
    [InlineData("42501", false)] // permission denied
    [InlineData("23505", false)] // unique violation
    [InlineData("22012", false)] // division by zero
    [InlineData("40P01", false)] // deadlock
    public void Server_errors_count_only_when_they_mean_the_database_is_unavailable(string sqlState, bool counts) =>
        Assert.Equal(counts, UpstreamFailure.MeansUnavailable(new PostgresException("message", "FATAL", "FATAL", sqlState)));

    [Fact]
    public void Unreachable_and_broken_connections_count_and_cancellations_do_not()
    {
        Assert.True(UpstreamFailure.MeansUnavailable(new NpgsqlException("Failed to connect", new SocketException((int)SocketError.ConnectionRefused))));
        Assert.True(UpstreamFailure.MeansUnavailable(new NpgsqlException("Exception while reading from stream", new IOException("broken pipe"))));
        Assert.True(UpstreamFailure.MeansUnavailable(new TimeoutException()));
        Assert.False(UpstreamFailure.MeansUnavailable(new OperationCanceledException()));
        Assert.False(UpstreamFailure.MeansUnavailable(new InvalidOperationException("a bug of ours")));
    }

    [Fact]
    public void An_open_breaker_answers_503_with_the_break_left()
    {
        var failure = UpstreamFailure.From(new Polly.CircuitBreaker.BrokenCircuitException("open", TimeSpan.FromSeconds(4.2)), "testdb");

        Assert.Equal(503, failure.StatusCode);
        Assert.Equal("DATABASE_UNAVAILABLE", failure.Code);
        Assert.Equal(TimeSpan.FromSeconds(4.2), failure.RetryAfter);
        Assert.Contains("in 5 s", failure.Message);
    }
}
