using System.Diagnostics;
using SqlProxy.Sdk;

namespace SqlProxy.Host.Tests.Plugins;

/// <summary>
/// Real plugin assemblies for the loader tests: small projects written to a temporary directory and built once per
/// test run with one <c>dotnet build</c>. Each references the host's SqlProxy.Sdk.dll without copying it
/// (<c>Private=false</c>), as a plugin built from the template does.
/// </summary>
internal static class FixturePlugins
{
    public const string Good = "good";
    public const string Twins = "twins";
    public const string FromTheFuture = "future";
    public const string LabellerV1 = "labeller_v1";
    public const string LabellerV2 = "labeller_v2";
    public const string Gatekeeper = "gatekeeper";
    public const string FlakySink = "flaky_sink";

    private static readonly Lazy<Task<string>> Built = new(BuildAsync);

    /// <summary>Copies the built fixture <paramref name="fixture"/> into <c>&lt;pluginsDirectory&gt;/&lt;folder&gt;</c>.</summary>
    public static async Task CopyAsync(string fixture, string pluginsDirectory, string? folder = null)
    {
        var source = Path.Combine(await Built.Value, "out", fixture);
        var target = Directory.CreateDirectory(Path.Combine(pluginsDirectory, folder ?? fixture)).FullName;
        foreach (var file in Directory.GetFiles(source)) File.Copy(file, Path.Combine(target, Path.GetFileName(file)), overwrite: true);
    }

    private static async Task<string> BuildAsync()
    {
        var root = Directory.CreateTempSubdirectory("sqlproxy-fixture-plugins-").FullName;
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Directory.Delete(root, recursive: true);
        // Empty props stop MSBuild from looking further up for the repository's own.
        File.WriteAllText(Path.Combine(root, "Directory.Build.props"), "<Project />");
        File.WriteAllText(Path.Combine(root, "Directory.Packages.props"), "<Project />");
        var sdk = typeof(IPlugin).Assembly.Location;
        var sdkReference = $"""<Reference Include="SqlProxy.Sdk" HintPath="{sdk}" Private="false" />""";
        WriteProject(root, Good, FixtureSources.Good, sdkReference);
        WriteProject(root, Twins, FixtureSources.Twins, sdkReference);
        WriteProject(root, LabellerV1, RequestFixtureSources.Labeller("1.0.0", "Fixture.RegionV1"), sdkReference);
        WriteProject(root, LabellerV2, RequestFixtureSources.Labeller("2.0.0", "Fixture.RegionV2"), sdkReference);
        WriteProject(root, Gatekeeper, RequestFixtureSources.Gatekeeper, sdkReference);
        WriteProject(root, FlakySink, RequestFixtureSources.FlakySink, sdkReference);
        WriteProject(root, "fakesdk", FixtureSources.FakeSdk2, "", "<AssemblyName>SqlProxy.Sdk</AssemblyName><AssemblyVersion>2.0.0.0</AssemblyVersion>");
        WriteProject(root, FromTheFuture, FixtureSources.FromTheFuture,
            """<ProjectReference Include="../fakesdk/fakesdk.csproj" Private="false" ExcludeAssets="runtime" />""");
        File.WriteAllText(Path.Combine(root, "fixtures.slnx"), $"""
            <Solution>
              <Project Path="{Good}/{Good}.csproj" />
              <Project Path="{Twins}/{Twins}.csproj" />
              <Project Path="{LabellerV1}/{LabellerV1}.csproj" />
              <Project Path="{LabellerV2}/{LabellerV2}.csproj" />
              <Project Path="{Gatekeeper}/{Gatekeeper}.csproj" />
              <Project Path="{FlakySink}/{FlakySink}.csproj" />
              <Project Path="fakesdk/fakesdk.csproj" />
              <Project Path="{FromTheFuture}/{FromTheFuture}.csproj" />
            </Solution>
            """);
        await RunBuildAsync(root);
        return root;
    }

    private static void WriteProject(string root, string name, string source, string references, string properties = "")
    {
        var directory = Directory.CreateDirectory(Path.Combine(root, name)).FullName;
        File.WriteAllText(Path.Combine(directory, "Plugin.cs"), source);
        File.WriteAllText(Path.Combine(directory, $"{name}.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <ImplicitUsings>enable</ImplicitUsings>
                <Nullable>enable</Nullable>
                <OutDir>$(MSBuildThisFileDirectory)../out/{name}/</OutDir>
                {properties}
              </PropertyGroup>
              <ItemGroup>{references}</ItemGroup>
            </Project>
            """);
    }

    private static async Task RunBuildAsync(string root)
    {
        var start = new ProcessStartInfo("dotnet", ["build", "fixtures.slnx", "-nologo", "-v", "q", "-nr:false", "-p:UseSharedCompilation=false"])
        {
            WorkingDirectory = root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        // The test host's MSBuild variables would point the child build at the test project's SDK resolution.
        foreach (var variable in new[] { "MSBuildSDKsPath", "MSBUILD_EXE_PATH", "MSBuildExtensionsPath" }) start.Environment.Remove(variable);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"building the fixture plugins failed:\n{await output}\n{await error}");
    }
}
