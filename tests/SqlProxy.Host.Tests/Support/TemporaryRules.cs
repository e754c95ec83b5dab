namespace SqlProxy.Host.Tests.Support;

/// <summary>A rules directory in a temporary folder holding one file, <c>test.rules</c>; deleted on dispose.</summary>
public sealed class TemporaryRules : IDisposable
{
    public TemporaryRules(string text)
    {
        Directory = System.IO.Directory.CreateTempSubdirectory("sqlproxy-rules-").FullName;
        File.WriteAllText(Path.Combine(Directory, "test.rules"), text);
    }

    public string Directory { get; }

    /// <summary>A proxy on the sample database judged by these rules only, without a rules watcher.</summary>
    public Task<RunningProxy> StartProxyAsync(SampleDatabase database, Func<string, string>? tweak = null) =>
        RunningProxy.StartAsync(database, toml => (tweak ?? (t => t))(toml.Replace("watch = true", "watch = false")), Directory);

    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);
}
