using SqlProxy.Host.Observability;
using SqlProxy.Host.Tests.Support;

namespace SqlProxy.Host.Tests.Observability;

/// <summary>W3C trace context and request ids: a valid traceparent continues its trace, anything else starts a new one.</summary>
[Collection(SampleDatabaseCollection.Name)]
public sealed class TraceContextTests(SampleDatabase sample)
{
    private const string TraceId = "4bf92f3577b34da6a3ce929d0e0e4736";
    private const string Incoming = $"00-{TraceId}-00f067aa0ba902b7-01";

    [Fact]
    public async Task A_valid_traceparent_is_echoed_with_its_trace_id_and_this_servers_span()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/health");
        request.Headers.Add("traceparent", Incoming);
        request.Headers.Add("X-Request-Id", "my-request-42");
        var response = await sample.Proxy.Client.SendAsync(request);

        var echoed = response.Headers.GetValues("traceparent").Single();
        var parsed = TraceContext.Parse(echoed);
        Assert.NotNull(parsed);
        Assert.Equal(TraceId, parsed.Value.TraceId);
        Assert.Equal("01", parsed.Value.Flags);
        Assert.NotEqual("00f067aa0ba902b7", echoed[36..52]);
        Assert.Equal("my-request-42", response.Headers.GetValues("X-Request-Id").Single());
    }

    [Theory]
    [InlineData("not-a-traceparent")]
    [InlineData("00-4BF92F3577B34DA6A3CE929D0E0E4736-00f067aa0ba902b7-01")]
    [InlineData("00-00000000000000000000000000000000-00f067aa0ba902b7-01")]
    [InlineData("01-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01")]
    public async Task An_invalid_traceparent_is_ignored_and_a_fresh_trace_started(string invalid)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/health");
        request.Headers.TryAddWithoutValidation("traceparent", invalid);
        var response = await sample.Proxy.Client.SendAsync(request);

        var echoed = response.Headers.GetValues("traceparent").Single();
        var parsed = TraceContext.Parse(echoed);
        Assert.NotNull(parsed);
        Assert.NotEqual(TraceId, parsed.Value.TraceId, StringComparer.OrdinalIgnoreCase);
        Assert.Matches("^[0-9a-f]{32}$", parsed.Value.TraceId);
        Assert.NotEqual(invalid, echoed);
    }

    [Fact]
    public async Task Requests_without_a_traceparent_each_get_their_own_trace()
    {
        var first = (await sample.Proxy.Client.GetAsync("/health")).Headers.GetValues("traceparent").Single();
        var second = (await sample.Proxy.Client.GetAsync("/health")).Headers.GetValues("traceparent").Single();

        Assert.NotNull(TraceContext.Parse(first));
        Assert.NotEqual(first[3..35], second[3..35]);
    }

    [Theory]
    [InlineData(Incoming, true)]
    [InlineData("00-4bf92f3577b34da6a3ce929d0e0e4736-0000000000000000-01", false)]
    [InlineData("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-0", false)]
    [InlineData("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01-extra", false)]
    [InlineData("00_4bf92f3577b34da6a3ce929d0e0e4736_00f067aa0ba902b7_01", false)]
    [InlineData("00-4bf92f3577b34da6a3ce929d0e0e473g-00f067aa0ba902b7-01", false)]
    [InlineData(null, false)]
    public void Parse_accepts_only_version_00_lower_case_hex_with_non_zero_ids(string? header, bool valid) =>
        Assert.Equal(valid, TraceContext.Parse(header) is not null);
}
