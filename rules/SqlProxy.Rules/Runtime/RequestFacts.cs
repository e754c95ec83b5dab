using System.Net;
using SqlProxy.Sdk;

namespace SqlProxy.Rules.Runtime;

/// <summary>Reads the time and the client of a request; compiled conditions call these.</summary>
static class RequestFacts
{
    /// <summary>The time of day the request arrived, in UTC, as ticks since midnight.</summary>
    public static long TimeOfDay(RequestInfo request) => request.ReceivedAt.UtcDateTime.TimeOfDay.Ticks;

    /// <summary>Whether the UTC day the request arrived on is in <paramref name="days"/>, a bit per <see cref="DayOfWeek"/>.</summary>
    public static bool WeekdayIn(RequestInfo request, int days) => (days & (1 << (int)request.ReceivedAt.UtcDateTime.DayOfWeek)) != 0;

    /// <summary>The UTC day the request arrived on, as rules write it: <c>mon</c> … <c>sun</c>.</summary>
    public static string Weekday(RequestInfo request) => request.ReceivedAt.UtcDateTime.DayOfWeek switch
    {
        DayOfWeek.Monday => "mon",
        DayOfWeek.Tuesday => "tue",
        DayOfWeek.Wednesday => "wed",
        DayOfWeek.Thursday => "thu",
        DayOfWeek.Friday => "fri",
        DayOfWeek.Saturday => "sat",
        _ => "sun",
    };

    /// <summary>
    /// Whether the client address is in one of the networks. An address that is missing or is not an IP address
    /// cannot be matched either way, so the condition fails (and fails closed).
    /// </summary>
    public static bool AddressIn(RequestInfo request, IPNetwork[] networks)
    {
        if (string.IsNullOrWhiteSpace(request.ClientAddress))
            throw new RuleEvaluationException("the request has no client address");
        if (!IPAddress.TryParse(request.ClientAddress, out var address))
            throw new RuleEvaluationException($"`{Parsing.Literals.Clip(request.ClientAddress)}` is not an IP address");
        if (address.IsIPv4MappedToIPv6)
            address = address.MapToIPv4();
        foreach (var network in networks)
        {
            if (network.Contains(address))
                return true;
        }
        return false;
    }
}
