// Not SqlProxy.Host.Tests.Configuration: that namespace would hide SqlProxy.Host.Configuration from `Configuration.X` in sibling namespaces.
using SqlProxy.Host.Configuration;

namespace SqlProxy.Host.Tests.ConfigurationFiles;

/// <summary>A temporary directory of configuration files, deleted on disposal.</summary>
internal sealed class ConfigFiles : IDisposable
{
    /// <summary>A database and a user: enough for a configuration to load.</summary>
    public const string Minimal = """
        [[databases]]
        name = "main"
        connection_string = "Host=127.0.0.1;Password=${DB_PASSWORD:-pw}"

        [[users]]
        name = "alice"
        api_key_sha256 = "60f481b2c1f6cde012c8ef8db1b75556654a2416661b9a39dc1cd14ff987db51"

        [rules]
        paths = ["rules"]

        """;

    public string Directory { get; } = System.IO.Directory.CreateTempSubdirectory("sqlproxy-include-").FullName;

    /// <summary>Writes <paramref name="toml"/> to <paramref name="relativePath"/> (directories created) and returns the full path.</summary>
    public string Write(string relativePath, string toml)
    {
        var path = Path.Combine(Directory, relativePath);
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, toml);
        return path;
    }

    /// <summary>Loads the main file, with no environment variables set.</summary>
    public ProxyConfig Load(string relativePath = "sqlproxy.toml") => ConfigLoader.Load(Path.Combine(Directory, relativePath), _ => null);

    /// <summary>The errors of loading the main file, which must fail.</summary>
    public IReadOnlyList<string> Errors(string relativePath = "sqlproxy.toml") =>
        Assert.Throws<ConfigException>(() => Load(relativePath)).Errors;

    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);
}
