namespace SqlProxy.Host.Configuration;

/// <summary>
/// The parts of <c>sqlproxy.toml</c> a configuration reload changes while the proxy serves: the users (keys, roles,
/// attributes, allowed networks), the admin token and the traffic limits.
/// </summary>
public sealed record LiveSettings(IReadOnlyList<UserConfig> Users, AdminConfig Admin, TrafficLimitsConfig Traffic)
{
    /// <summary>The live parts of <paramref name="config"/>.</summary>
    public static LiveSettings From(ProxyConfig config) => new(config.Users, config.Admin, config.Limits.Traffic);
}

/// <summary>
/// The <see cref="LiveSettings"/> in force. A reload swaps the whole snapshot at once; readers take one reference per
/// request, so a request never sees half of one configuration and half of another. The <see cref="ProxyConfig"/>
/// registered at start stays the start-up configuration.
/// </summary>
internal sealed class LiveConfig(LiveSettings initial)
{
    private volatile LiveSettings current = initial;

    public LiveSettings Current => current;

    public void Replace(LiveSettings next) => current = next;
}
