using SqlProxy.Host.Auth;
using SqlProxy.Host.Configuration;

namespace SqlProxy.Host.Limits;

/// <summary>
/// Registers who may come in and how much they may send: authentication, the admin token, the lockout, rates and
/// concurrency, all reading the <see cref="LiveConfig"/> a configuration reload swaps.
/// </summary>
internal static class AccessControlServices
{
    public static IServiceCollection AddAccessControl(this IServiceCollection services, ProxyConfig config)
    {
        var traffic = config.Limits.Traffic;
        // What a configuration reload swaps: the users, the admin token and the traffic limits.
        services.AddSingleton(new LiveConfig(LiveSettings.From(config)));
        services.AddSingleton<ApiKeyAuthenticator>();
        services.AddSingleton<AdminToken>();
        services.AddSingleton(sp => new AuthFailureLockout(traffic.Lockout, TimeProvider.System, sp.GetRequiredService<ILogger<AuthFailureLockout>>()));
        services.AddSingleton<ClientAuthenticator>();
        services.AddSingleton<AdminAuthorization>();
        // A factory: the container disposes what it created.
        services.AddSingleton(_ => new TrafficLimiters(traffic));
        return services;
    }
}
