namespace SqlProxy.Host.Rules;

/// <summary>
/// Runs rules reloads and plugin reloads one at a time: each validates against what the other has in force, so two
/// at once could each pass against the old other and swap in a pair that was never checked together.
/// </summary>
internal sealed class ReloadGate
{
    private readonly SemaphoreSlim gate = new(1, 1);

    public async Task<T> RunAsync<T>(Func<Task<T>> reload, CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken);
        try
        {
            return await reload();
        }
        finally
        {
            gate.Release();
        }
    }
}
