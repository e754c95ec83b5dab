namespace SqlProxy.Benchmarks.Bench;

/// <summary>The repository the benchmarks run from, found upwards from the assembly.</summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string Samples => Path.Combine(Root, "samples");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "SqlProxy.sln"))) return dir.FullName;
        throw new InvalidOperationException($"SqlProxy.sln not found above {AppContext.BaseDirectory}");
    }
}
