using System.Reflection;

namespace SqlProxy.Sdk.Tests;

/// <summary>Where this project's checked-in files are, and the SDK assembly under test.</summary>
static class TestFiles
{
    public static Assembly Sdk { get; } = typeof(IPlugin).Assembly;

    /// <summary>This test project's source folder, recorded at build time.</summary>
    public static string ProjectDirectory { get; } = typeof(TestFiles).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(attribute => attribute.Key == "ProjectDirectory").Value!;

    public static string RepositoryRoot => Path.GetFullPath(Path.Combine(ProjectDirectory, "..", ".."));
}
