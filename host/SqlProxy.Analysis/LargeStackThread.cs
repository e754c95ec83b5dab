using System.Runtime.ExceptionServices;

namespace SqlProxy.Analysis;

/// <summary>
/// Runs work on a fresh thread with a large stack and waits for it. libpg_query recurses once per
/// term of a left-deep chain (<c>1+1+…</c>, long UNION chains); thread-pool threads may have only
/// about 1.5 MB of stack, and a native stack overflow kills the process.
/// </summary>
internal static class LargeStackThread
{
    public const int StackBytes = 256 * 1024 * 1024;

    public static T Run<T>(Func<T> work)
    {
        T result = default!;
        ExceptionDispatchInfo? failure = null;
        var thread = new Thread(
            () =>
            {
                try
                {
                    result = work();
                }
                catch (Exception exception)
                {
                    failure = ExceptionDispatchInfo.Capture(exception);
                }
            },
            StackBytes)
        {
            IsBackground = true,
            Name = "SqlProxy SQL analysis (large stack)",
        };
        thread.Start();
        thread.Join();
        failure?.Throw();
        return result;
    }
}
