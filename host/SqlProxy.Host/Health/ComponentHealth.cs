using System.Text.Json.Serialization;

namespace SqlProxy.Host.Health;

/// <summary>
/// One component of a health report: <c>ok</c>, <c>down</c> (a database does not answer), <c>faulty</c> (a plugin
/// failed too often in a row), <c>spilling</c> (audit batches wait on disk for a sink) or <c>unavailable</c> (not
/// loaded, or the host is not serving). Details never hold secrets:
/// a database is named by <c>host:port/database</c>, never by its connection string.
/// </summary>
/// <param name="Status">The component's state; only <c>ok</c> counts as healthy.</param>
/// <param name="Detail">What is wrong, or where the component is.</param>
/// <param name="Version">The rules version serving, for <c>rules</c>.</param>
/// <param name="Count">How many rules, plugins or audit sinks serve.</param>
public sealed record ComponentHealth(string Status, string? Detail = null, string? Version = null, int? Count = null)
{
    public const string Ok = "ok";

    [JsonIgnore]
    public bool IsOk => Status == Ok;
}

/// <summary>A health report: <c>serving</c> when every component is ok, else <c>unavailable</c>; the components by name.</summary>
public sealed record HealthReport(string Status, IReadOnlyDictionary<string, ComponentHealth> Components)
{
    public const string Serving = "serving";
    public const string Unavailable = "unavailable";

    [JsonIgnore]
    public bool IsServing => Status == Serving;

    public static HealthReport Of(IReadOnlyDictionary<string, ComponentHealth> components) =>
        new(components.Values.All(c => c.IsOk) ? Serving : Unavailable, components);
}
