using System.Globalization;
using System.Text.RegularExpressions;

namespace SqlProxy.Host.Audit.Query;

/// <summary>A query-string parameter of the audit API that cannot be used; the message names it.</summary>
internal sealed class BadAuditParameterException(string message) : Exception(message);

/// <summary>Reads the query strings of <c>GET /api/v1/audit</c> and <c>/stats</c>.</summary>
internal static partial class AuditQueryParameters
{
    public static AuditQuery Search(IQueryCollection query)
    {
        var from = Instant(query, "from");
        var to = Instant(query, "to");
        CheckRange(from, to);
        return new AuditQuery(
            Text(query, "user"),
            Decision(query),
            Text(query, "database"),
            Text(query, "table"),
            Kind(query),
            from,
            to,
            Text(query, "text"),
            Limit(query),
            Integer(query, "before_seq") is { } before
                ? before > 0 ? before : throw new BadAuditParameterException($"`before_seq` must be a positive integer, not {before}")
                : null);
    }

    public static AuditStatsQuery Stats(IQueryCollection query, DateTimeOffset now)
    {
        var from = Instant(query, "from");
        var to = Instant(query, "to");
        CheckRange(from, to);
        var end = to ?? (from is { } start && start + AuditStatsQuery.DefaultSpan < now ? start + AuditStatsQuery.DefaultSpan : now);
        return new AuditStatsQuery(from ?? end - AuditStatsQuery.DefaultSpan, end);
    }

    private static string? Text(IQueryCollection query, string name)
    {
        var values = query[name];
        if (values.Count > 1) throw new BadAuditParameterException($"`{name}` is given {values.Count} times: give it once");
        var value = values.ToString();
        return value.Length == 0 ? null : value;
    }

    private static string? Decision(IQueryCollection query) => Text(query, "decision")?.ToUpperInvariant() switch
    {
        null => null,
        ("ALLOW" or "BLOCK") and var decision => decision,
        _ => throw new BadAuditParameterException("`decision` must be ALLOW or BLOCK"),
    };

    private static string? Kind(IQueryCollection query) => Text(query, "kind")?.ToUpperInvariant() switch
    {
        null => null,
        var kind when StatementKind().IsMatch(kind) => kind,
        var kind => throw new BadAuditParameterException($"`kind` must be a statement kind such as SELECT or DELETE, not `{kind}`"),
    };

    private static int Limit(IQueryCollection query) => Integer(query, "limit") switch
    {
        null => AuditQuery.DefaultLimit,
        >= 1 and <= AuditQuery.MaxLimit and var limit => (int)limit,
        var limit => throw new BadAuditParameterException($"`limit` must be between 1 and {AuditQuery.MaxLimit}, not {limit}"),
    };

    private static long? Integer(IQueryCollection query, string name) => Text(query, name) switch
    {
        null => null,
        var text when long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) => value,
        var text => throw new BadAuditParameterException($"`{name}` must be an integer, not `{text}`"),
    };

    private static DateTimeOffset? Instant(IQueryCollection query, string name)
    {
        if (Text(query, name) is not { } text) return null;
        const DateTimeStyles styles = DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal;
        // An unencoded `+` of an offset arrives as a space.
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, styles, out var instant)
            || DateTimeOffset.TryParse(text.Replace(' ', '+'), CultureInfo.InvariantCulture, styles, out instant))
            return instant;
        throw new BadAuditParameterException($"`{name}` must be an ISO-8601 date and time such as 2026-01-31T09:00:00Z, not `{text}`");
    }

    private static void CheckRange(DateTimeOffset? from, DateTimeOffset? to)
    {
        if (from is { } start && to is { } end && end <= start) throw new BadAuditParameterException("`to` must be later than `from`");
    }

    [GeneratedRegex("^[A-Z][A-Z_]{0,62}$")]
    private static partial Regex StatementKind();
}
