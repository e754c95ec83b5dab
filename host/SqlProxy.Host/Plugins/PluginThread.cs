namespace SqlProxy.Host.Plugins;

/// <summary>
/// Starts plugin code on a thread of its own rather than the thread pool: a plugin that blocks (or a busy pool) must not
/// delay the start of a call past its timeout, and an abandoned call must not hold a pool thread.
/// </summary>
internal static class PluginThread
{
    public static Task<T> Run<T>(Func<T> work) =>
        Task.Factory.StartNew(work, CancellationToken.None, TaskCreationOptions.LongRunning | TaskCreationOptions.DenyChildAttach, TaskScheduler.Default);

    public static Task Run(Action work) =>
        Task.Factory.StartNew(work, CancellationToken.None, TaskCreationOptions.LongRunning | TaskCreationOptions.DenyChildAttach, TaskScheduler.Default);
}
