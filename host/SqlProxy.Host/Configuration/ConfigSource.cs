namespace SqlProxy.Host.Configuration;

/// <summary>
/// Where the proxy's configuration came from, so a reload reads the same file with the same <c>${NAME}</c> lookup.
/// </summary>
/// <param name="Path">The main configuration file (<see cref="ProxyConfig.SourcePath"/>).</param>
/// <param name="Environment">Where <c>${NAME}</c> is looked up: the process environment unless the start-up said otherwise.</param>
internal sealed record ConfigSource(string Path, Func<string, string?> Environment)
{
    public ProxyConfig Load() => ConfigLoader.Load(Path, Environment);
}
