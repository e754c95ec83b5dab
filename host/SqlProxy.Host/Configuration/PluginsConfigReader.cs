using SqlProxy.Sdk;

namespace SqlProxy.Host.Configuration;

/// <summary>
/// Reads <c>[plugins]</c>: its own settings, and every other key as a plugin's <c>[plugins.&lt;name&gt;]</c> table.
/// Without the section the built-in plugins load with no settings.
/// </summary>
internal static class PluginsConfigReader
{
    private static readonly string[] OwnKeys = ["builtin", "directory", "watch", "call_timeout_ms"];

    public static PluginsConfig Read(TomlSection top, string baseDirectory)
    {
        if (!top.Has("plugins")) return PluginsConfig.Default with { SettingsBase = baseDirectory };
        var section = top.Table("plugins");
        var builtIn = section.Boolean("builtin", true);
        var directory = section.String("directory");
        var watch = section.Boolean("watch", false);
        var timeout = (int)section.Integer("call_timeout_ms", 1000, 1, 600_000);
        var settings = new Dictionary<string, PluginSettings>(StringComparer.Ordinal);
        foreach (var name in section.Keys.Where(key => !OwnKeys.Contains(key)))
        {
            var table = section.Table(name);
            var values = new Dictionary<string, object>(StringComparer.Ordinal);
            foreach (var key in table.Keys)
            {
                if (table.Scalar(key) is { } value) values[key] = value;
            }
            settings[name] = new PluginSettings(values) { BaseDirectory = baseDirectory };
        }
        section.RejectUnknownKeys();
        return new PluginsConfig(
            builtIn ? PluginsConfig.DefaultBuiltInDirectory : null,
            directory is null ? null : Path.GetFullPath(directory, baseDirectory),
            watch,
            timeout,
            settings,
            baseDirectory);
    }
}
