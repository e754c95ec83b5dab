namespace SqlProxy.Host.Health;

/// <summary>
/// How much <c>GET /health</c> checks. <see cref="Shallow"/>: the process serves HTTP. <see cref="Readiness"/>: rules and
/// plugins serve (one audit sink at least) and the host is started and not stopping. <see cref="Deep"/>: readiness,
/// every configured database answers <c>SELECT 1</c>, and every audit sink is ok (its plugin not faulty, nothing spilled waiting for it).
/// </summary>
public enum HealthLevel
{
    Shallow,
    Readiness,
    Deep,
}

/// <summary>Reads the <c>level</c> query parameter.</summary>
public static class HealthLevels
{
    public static readonly IReadOnlyList<string> Names = ["shallow", "readiness", "deep"];

    /// <summary>The level named (shallow when none is given), or null for an unknown name.</summary>
    public static HealthLevel? Parse(string? name) => name switch
    {
        null or "" or "shallow" => HealthLevel.Shallow,
        "readiness" => HealthLevel.Readiness,
        "deep" => HealthLevel.Deep,
        _ => null,
    };
}
