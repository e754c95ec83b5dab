namespace SqlProxy.Rules.Scripting;

/// <summary>
/// What one call of a JavaScript hook may use. A call that goes past any of them is stopped, and the condition
/// that called it fails closed.
/// </summary>
/// <param name="Timeout">The wall-clock time one call may take.</param>
/// <param name="MemoryBytes">The bytes one call may allocate.</param>
/// <param name="MaxStatements">The statements one call may execute.</param>
/// <param name="MaxRecursionDepth">How many times a function may appear on the call stack of one call at once.</param>
public sealed record ScriptLimits(TimeSpan Timeout, long MemoryBytes, int MaxStatements, int MaxRecursionDepth)
{
    /// <summary>
    /// 50 ms, 4 MiB, 10,000 statements and 64 nested calls: ample for a check over a request's facts, far too little
    /// for one hook to hurt the proxy.
    /// </summary>
    public static ScriptLimits Default { get; } = new(TimeSpan.FromMilliseconds(50), 4 * 1024 * 1024, 10_000, 64);
}
