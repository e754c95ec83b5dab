using System.Diagnostics;
using System.Reflection;
using System.Text;
using SqlProxy.Host.Tests.Support;
using SqlProxy.Tests.Shared;

namespace SqlProxy.Host.Tests.Plugins.Proof;

/// <summary>
/// Builds samples/plugins/NationalId the way a third party (and <c>./build.sh --target=plugins</c>) does: the SDK packed
/// into a feed of its own, the sample copied out of the repository with its nuget.config pointing at that feed, and
/// <c>dotnet publish</c> with a fresh <c>NUGET_PACKAGES</c>, so no cached SqlProxy.Sdk package can stand in. Every
/// <c>dotnet</c> runs under <see cref="CommandTimeout"/>; its output is in the exception when it fails.
/// </summary>
internal sealed class SamplePluginBuild : IDisposable
{
    public static readonly TimeSpan CommandTimeout = TimeSpan.FromMinutes(5);

    private readonly string packages;
    private bool packed;

    public SamplePluginBuild()
    {
        Work = Directory.CreateTempSubdirectory("sqlproxy-sample-plugin-").FullName;
        // Empty props stop MSBuild from looking further up for anyone's build settings.
        File.WriteAllText(Path.Combine(Work, "Directory.Build.props"), "<Project />");
        File.WriteAllText(Path.Combine(Work, "Directory.Packages.props"), "<Project />");
        Feed = Path.Combine(Work, "feed");
        packages = Path.Combine(Work, "packages");
    }

    public string Work { get; }

    public string Feed { get; }

    /// <summary>The output of every <c>dotnet</c> run so far, for diagnostics.</summary>
    public StringBuilder Log { get; } = new();

    /// <summary>
    /// Copies the sample (without bin/obj) to <c>Work/&lt;name&gt;</c>, applies <paramref name="edits"/> (file name →
    /// (old, new) text replacements, each of which must match), and publishes it to <c>Work/out/&lt;name&gt;</c>.
    /// </summary>
    /// <returns>The published folder.</returns>
    public async Task<string> PublishAsync(string name, IReadOnlyDictionary<string, (string Old, string New)>? edits = null)
    {
        if (!packed)
        {
            // `--no-build`: the SDK as this test assembly was built against it (the solution build compiled it).
            await RunAsync("pack", Path.Combine(RepositoryPaths.Root, "sdk", "SqlProxy.Sdk", "SqlProxy.Sdk.csproj"),
                "--no-build", "-c", BuildConfiguration(), "-o", Feed, "--disable-build-servers", "--nologo");
            packed = true;
        }

        var project = Path.Combine(Work, name);
        CopySource(Path.Combine(RepositoryPaths.Samples, "plugins", "NationalId"), project);
        var nugetConfig = Path.Combine(project, "nuget.config");
        Replace(nugetConfig, "value=\"../../../artifacts\"", $"value=\"{Feed}\"");
        foreach (var (file, (old, replacement)) in edits ?? new Dictionary<string, (string, string)>())
            Replace(Path.Combine(project, file), old, replacement);

        var output = Path.Combine(Work, "out", name);
        await RunAsync("publish", Path.Combine(project, "NationalId.csproj"), "-c", "Release", "-o", output,
            "--disable-build-servers", "--nologo");
        return output;
    }

    /// <summary>Copies a published folder to <c>&lt;pluginsDirectory&gt;/&lt;folder&gt;</c>, replacing what was there.</summary>
    public static void Install(string published, string pluginsDirectory, string folder)
    {
        var target = Path.Combine(pluginsDirectory, folder);
        if (Directory.Exists(target)) Directory.Delete(target, recursive: true);
        CopyTree(published, target);
    }

    private static void CopySource(string source, string target)
    {
        Directory.CreateDirectory(target);
        foreach (var file in Directory.GetFiles(source))
            File.Copy(file, Path.Combine(target, Path.GetFileName(file)));
        foreach (var directory in Directory.GetDirectories(source))
        {
            var name = Path.GetFileName(directory);
            if (name is "bin" or "obj") continue;
            CopySource(directory, Path.Combine(target, name));
        }
    }

    private static void CopyTree(string source, string target)
    {
        Directory.CreateDirectory(target);
        foreach (var file in Directory.GetFiles(source))
            File.Copy(file, Path.Combine(target, Path.GetFileName(file)));
        foreach (var directory in Directory.GetDirectories(source))
            CopyTree(directory, Path.Combine(target, Path.GetFileName(directory)));
    }

    private static void Replace(string file, string old, string replacement)
    {
        var text = File.ReadAllText(file);
        if (!text.Contains(old, StringComparison.Ordinal))
            throw new InvalidOperationException($"{file} no longer contains `{old}`: the sample changed, update this test's edit.");
        File.WriteAllText(file, text.Replace(old, replacement, StringComparison.Ordinal));
    }

    private async Task RunAsync(params string[] arguments)
    {
        var clock = Stopwatch.StartNew();
        await new DotNetCli(Work, packages).RunAsync(CommandTimeout, arguments);
        Log.AppendLine($"`dotnet {string.Join(' ', arguments)}` took {clock.Elapsed.TotalSeconds:0.0} s");
    }

    private static string BuildConfiguration() =>
        typeof(SamplePluginBuild).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";

    public void Dispose()
    {
        try
        {
            Directory.Delete(Work, recursive: true);
        }
        catch (IOException)
        {
            // A build server that outlived its command may still hold a file; the temporary directory can stay.
        }
    }
}
