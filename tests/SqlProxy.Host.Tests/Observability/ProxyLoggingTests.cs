using System.Text.Json;
using Serilog.Context;
using SqlProxy.Host.Configuration;
using SqlProxy.Host.Observability;

namespace SqlProxy.Host.Tests.Observability;

/// <summary><c>[server] log_format</c>: json writes one compact JSON event a line, text a readable line; both carry the log context.</summary>
public sealed class ProxyLoggingTests
{
    [Fact]
    public void The_json_format_writes_one_valid_json_object_a_line_with_the_request_and_trace_ids()
    {
        var output = new StringWriter();
        var logger = ProxyLogging.Create(Server("json"), output);
        using (LogContext.PushProperty("RequestId", "req-1"))
        using (LogContext.PushProperty("TraceId", "4bf92f3577b34da6a3ce929d0e0e4736"))
            logger.Information("Rules loaded: version {Version}", "3c9a1f0e");
        logger.Warning("outside any request");
        ((IDisposable)logger).Dispose();

        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        using var first = JsonDocument.Parse(lines[0]);
        Assert.Equal("req-1", first.RootElement.GetProperty("RequestId").GetString());
        Assert.Equal("4bf92f3577b34da6a3ce929d0e0e4736", first.RootElement.GetProperty("TraceId").GetString());
        Assert.Equal("3c9a1f0e", first.RootElement.GetProperty("Version").GetString());
        Assert.Equal("Rules loaded: version {Version}", first.RootElement.GetProperty("@mt").GetString());
        Assert.True(first.RootElement.TryGetProperty("@t", out _));
        using var second = JsonDocument.Parse(lines[1]);
        Assert.Equal("Warning", second.RootElement.GetProperty("@l").GetString());
        Assert.False(second.RootElement.TryGetProperty("RequestId", out _));
    }

    [Fact]
    public void The_text_format_writes_the_readable_line_with_the_request_id()
    {
        var output = new StringWriter();
        var logger = ProxyLogging.Create(Server("text"), output);
        using (LogContext.PushProperty("RequestId", "req-2"))
            logger.Information("Rules loaded: version {Version}", "3c9a1f0e");
        ((IDisposable)logger).Dispose();

        var line = output.ToString().Trim();
        Assert.Matches(@"^\[\d\d:\d\d:\d\d INF\] Rules loaded: version 3c9a1f0e ", line);
        Assert.Matches("\"RequestId\": ?\"req-2\"", line);
        Assert.ThrowsAny<JsonException>(() => JsonDocument.Parse(line));
    }

    private static ServerConfig Server(string format) => new("http://127.0.0.1:0", false, 1_048_576, format);
}
