namespace SqlProxy.Plugins.Tests.Sample;

/// <summary>The repository's root: the nearest folder above the test assembly holding <c>SqlProxy.sln</c>.</summary>
internal static class RepositoryRoot
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(directory.FullName, "SqlProxy.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No SqlProxy.sln above {AppContext.BaseDirectory}.");
    }
}
