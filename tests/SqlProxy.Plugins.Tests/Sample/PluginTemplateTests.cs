using System.Diagnostics;
using System.Reflection;
using System.Runtime.Loader;
using SqlProxy.Sdk;
using SqlProxy.Tests.Shared;
using Xunit.Abstractions;

namespace SqlProxy.Plugins.Tests.Sample;

/// <summary>
/// SLOW (about 10 s alone, 40 s beside the other test projects; runs `dotnet pack`, `dotnet new` and `dotnet build`,
/// all killed past 90 s in total): the plugin template in
/// samples/template, installed into a private template hive, creates a project that builds against a freshly packed
/// SDK, ships no copy of the SDK, and whose plugin the host's SqlProxy.Sdk can use.
/// </summary>
[Trait("Category", "Slow")]
public sealed class PluginTemplateTests(ITestOutputHelper output) : IDisposable
{
    private static readonly TimeSpan TotalTimeout = TimeSpan.FromSeconds(90);

    private readonly string _work = Directory.CreateTempSubdirectory("sqlproxy-plugin-template-").FullName;

    public void Dispose() => Directory.Delete(_work, recursive: true);

    [Fact]
    public async Task A_project_made_from_the_template_builds_into_a_loadable_plugin_folder_without_the_sdk()
    {
        var clock = Stopwatch.StartNew();
        TimeSpan Left() => TotalTimeout - clock.Elapsed;
        var feed = Path.Combine(_work, "feed");
        var hive = Path.Combine(_work, "hive");
        var project = Path.Combine(_work, "Acme.Sample");
        var dotnet = new DotNetCli(_work, Path.Combine(_work, "packages"));

        // The SDK as this test assembly was built against it (`--no-build`: the solution build already compiled it).
        await dotnet.RunAsync(Left(), "pack", Path.Combine(RepositoryRoot.Path, "sdk", "SqlProxy.Sdk", "SqlProxy.Sdk.csproj"),
            "--no-build", "-c", BuildConfiguration(), "-o", feed, "--disable-build-servers", "--nologo");
        await dotnet.RunAsync(Left(), "new", "install", Path.Combine(RepositoryRoot.Path, "samples", "template", "SqlProxy.Plugin"),
            "--debug:custom-hive", hive);
        await dotnet.RunAsync(Left(), "new", "sqlproxy-plugin", "-n", "Acme.Sample", "-o", project,
            "--plugin-name", "acme", "--sdk-source", feed, "--debug:custom-hive", hive);
        await dotnet.RunAsync(Left(), "build", project, "-c", "Release", "--disable-build-servers", "--nologo");
        output.WriteLine($"pack, install, new and build took {clock.Elapsed.TotalSeconds:0.0} s");

        var folder = Path.Combine(project, "bin", "Release", "net10.0");
        var files = Directory.GetFiles(folder).Select(Path.GetFileName).ToArray();
        Assert.Contains("Acme.Sample.dll", files);
        Assert.Contains("Acme.Sample.deps.json", files);
        Assert.DoesNotContain("SqlProxy.Sdk.dll", files);
        Assert.DoesNotContain("SqlProxy.Sdk", await File.ReadAllTextAsync(Path.Combine(folder, "Acme.Sample.deps.json")));

        await AssertLoadsAsync(Path.Combine(folder, "Acme.Sample.dll"));
    }

    // Loaded the way the host loads plugins: its own collectible context, the SDK resolved from the default one.
    private static async Task AssertLoadsAsync(string assemblyPath)
    {
        var context = new AssemblyLoadContext("template-test", isCollectible: true);
        try
        {
            var entry = Assert.Single(context.LoadFromAssemblyPath(assemblyPath).GetExportedTypes(),
                type => typeof(IPlugin).IsAssignableFrom(type) && !type.IsAbstract);
            var plugin = (IPlugin)Activator.CreateInstance(entry)!;
            Assert.Equal("acme", plugin.Name);

            var extensions = await plugin.CreateExtensionsAsync(PluginSettings.Empty, CancellationToken.None);
            var classifier = Assert.Single(extensions.Classifiers);
            var found = await classifier.ClassifyAsync(
                new ResultSample([new ResultColumn("secret", "text", [])], []), CancellationToken.None);
            Assert.Equal([new ColumnClassification(0, "Example.Secret", "name")], found);
        }
        finally
        {
            context.Unload();
        }
    }

    private static string BuildConfiguration() =>
        typeof(PluginTemplateTests).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
}
