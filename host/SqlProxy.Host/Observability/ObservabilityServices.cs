using SqlProxy.Host.Health;

namespace SqlProxy.Host.Observability;

/// <summary>Registers and maps the operations view of the host: request, pipeline and pool metrics, tracing, health.</summary>
internal static class ObservabilityServices
{
    /// <summary>Registers the metrics of this file's family in the host's registry, and the health probe.</summary>
    public static IServiceCollection AddObservability(this IServiceCollection services)
    {
        services.AddSingleton<HttpMetrics>();
        services.AddSingleton<PipelineMetrics>();
        services.AddSingleton<ParseCacheMetrics>();
        services.AddSingleton<RulesMetrics>();
        services.AddSingleton<ConnectionPoolMetrics>();
        services.AddSingleton<HealthProbe>();
        return services;
    }

    /// <summary>
    /// The first middlewares: trace context, then the request metrics (which see the status of every answer, also the
    /// ones later middlewares give). Every metric is resolved now, so a scrape shows them from the start.
    /// </summary>
    public static void UseObservability(this WebApplication app)
    {
        app.Use(TraceContext.AssignAsync);
        app.Use(app.Services.GetRequiredService<HttpMetrics>().MeasureAsync);
        app.Services.GetRequiredService<PipelineMetrics>();
        app.Services.GetRequiredService<ParseCacheMetrics>();
        app.Services.GetRequiredService<RulesMetrics>();
        app.Services.GetRequiredService<ConnectionPoolMetrics>();
    }
}
