using System.Diagnostics;

namespace SqlProxy.Host.Observability;

/// <summary>
/// W3C trace context for every request. A valid incoming <c>traceparent</c> (<c>00-&lt;32 hex&gt;-&lt;16 hex&gt;-&lt;2 hex&gt;</c>,
/// lower case, ids not all zero) keeps its trace id; anything else is ignored and a fresh trace starts. The response
/// carries <c>traceparent</c> with that trace id and this server's span id, and every log line of the request carries
/// <c>TraceId</c> and <c>SpanId</c>. ASP.NET Core's own request activity is used when it exists, so its ids and these agree.
/// </summary>
internal static class TraceContext
{
    public const string Header = "traceparent";

    /// <summary>Middleware: resolves the trace, echoes it on the response and adds it to the log context.</summary>
    public static async Task AssignAsync(HttpContext http, RequestDelegate next)
    {
        var (traceId, spanId, flags) = Resolve(http.Request.Headers[Header].FirstOrDefault(), Activity.Current);
        http.Response.Headers[Header] = $"00-{traceId}-{spanId}-{flags}";
        using (Serilog.Context.LogContext.PushProperty("TraceId", traceId))
        using (Serilog.Context.LogContext.PushProperty("SpanId", spanId))
            await next(http);
    }

    /// <summary>The trace id, this server's span id and the flags for a request that sent <paramref name="traceparent"/>.</summary>
    public static (string TraceId, string SpanId, string Flags) Resolve(string? traceparent, Activity? activity)
    {
        var incoming = Parse(traceparent);
        if (incoming is { } parent)
        {
            // ASP.NET Core continued the same trace: its span is this server's.
            var span = activity is not null && activity.TraceId.ToHexString() == parent.TraceId
                ? activity.SpanId.ToHexString()
                : ActivitySpanId.CreateRandom().ToHexString();
            return (parent.TraceId, span, parent.Flags);
        }
        // An activity whose parent was not a valid header we accept is not trusted to carry the caller's trace.
        return activity is not null && activity.ParentSpanId == default
            ? (activity.TraceId.ToHexString(), activity.SpanId.ToHexString(), "00")
            : (ActivityTraceId.CreateRandom().ToHexString(), ActivitySpanId.CreateRandom().ToHexString(), "00");
    }

    /// <summary>The trace id and flags of a valid version-00 <c>traceparent</c>, or null.</summary>
    public static (string TraceId, string Flags)? Parse(string? traceparent)
    {
        if (traceparent is not { Length: 55 } || !traceparent.StartsWith("00-", StringComparison.Ordinal)
            || traceparent[35] != '-' || traceparent[52] != '-')
            return null;
        var traceId = traceparent[3..35];
        var parentId = traceparent[36..52];
        var flags = traceparent[53..];
        return IsHex(traceId) && IsHex(parentId) && IsHex(flags) && !AllZero(traceId) && !AllZero(parentId)
            ? (traceId, flags)
            : null;
    }

    private static bool IsHex(string text) => text.All(c => char.IsAsciiDigit(c) || c is >= 'a' and <= 'f');

    private static bool AllZero(string text) => text.All(c => c == '0');
}
