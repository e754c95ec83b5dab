namespace SqlProxy.Host.Plugins;

/// <summary>
/// Runs plugin code that is not on the request path on a thread of its own, which ends with the call: loading a plugin
/// and creating its extensions, disposing them, reading names and checking arguments at rules load.
/// </summary>
/// <remarks>
/// Request-path calls (classifiers, policy evaluators, maskers, audit sinks) go through <see cref="PluginRun{T}"/>
/// instead, on the .NET pool or the reused threads of <see cref="PluginThreadPool.Shared"/>. These calls stay on threads
/// of their own: with them on reused threads, a replaced plugin's load context was once seen to stay alive after a
/// reload (tests/SqlProxy.Host.Tests/Plugins/Proof/UnloadCyclesTests, PluginCatalogTests), for a reason not yet found.
/// </remarks>
internal static class PluginThread
{
    public static Task<T> Run<T>(Func<T> work) =>
        Task.Factory.StartNew(work, CancellationToken.None, TaskCreationOptions.LongRunning | TaskCreationOptions.DenyChildAttach, TaskScheduler.Default);

    public static Task Run(Action work) =>
        Task.Factory.StartNew(work, CancellationToken.None, TaskCreationOptions.LongRunning | TaskCreationOptions.DenyChildAttach, TaskScheduler.Default);
}
