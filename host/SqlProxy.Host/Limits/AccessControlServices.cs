using SqlProxy.Host.Auth;
using SqlProxy.Host.Configuration;

namespace SqlProxy.Host.Limits;

/// <summary>Registers who may come in and how much they may send: authentication, the admin token, the lockout, rates and concurrency.</summary>
internal static class AccessControlServices
{
    public static IServiceCollection AddAccessControl(this IServiceCollection services, ProxyConfig config)
    {
        var traffic = config.Limits.Traffic;
        services.AddSingleton(new ApiKeyAuthenticator(config.Users));
        services.AddSingleton(new AdminToken(config.Admin));
        services.AddSingleton(sp => new AuthFailureLockout(traffic.Lockout, TimeProvider.System, sp.GetRequiredService<ILogger<AuthFailureLockout>>()));
        services.AddSingleton<ClientAuthenticator>();
        services.AddSingleton<AdminAuthorization>();
        // Factories: the container disposes what it created.
        services.AddSingleton(_ => new RequestRateLimiter(traffic));
        services.AddSingleton(_ => new UserConcurrencyLimiter(traffic.MaxConcurrentPerUser));
        return services;
    }
}
