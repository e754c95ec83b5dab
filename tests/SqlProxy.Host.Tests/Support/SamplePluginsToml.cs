using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace SqlProxy.Host.Tests.Support;

/// <summary>Edits the <c>[plugins]</c> section of samples/sqlproxy.toml, and reads listings of plugins.</summary>
internal static partial class SamplePluginsToml
{
    /// <summary>The sample's configuration with rules not watched and the plugins section pointing at <paramref name="directory"/>.</summary>
    /// <param name="settings">TOML appended at the end: more <c>[plugins.&lt;name&gt;]</c> tables.</param>
    public static string With(string toml, string directory, bool watch = false, int callTimeoutMs = 2000, string settings = "")
    {
        var edited = RulesWatch().Replace(toml, "watch = false");
        edited = Directory().Replace(edited, $"directory = \"{directory}\"", 1);
        edited = PluginsWatch().Replace(edited, $"watch = {(watch ? "true" : "false")}", 1);
        edited = CallTimeout().Replace(edited, $"call_timeout_ms = {callTimeoutMs}", 1);
        if (!edited.Contains($"directory = \"{directory}\"", StringComparison.Ordinal) || !edited.Contains($"watch = {(watch ? "true" : "false")}  ", StringComparison.Ordinal))
            throw new InvalidOperationException("samples/sqlproxy.toml has no `# directory = ` or plugins `watch = ` line to set");
        return edited + "\n" + settings;
    }

    /// <summary>The entries of a plugins listing loaded from <c>plugins.directory</c> (not the built-in ones).</summary>
    public static JsonNode[] FromDirectory(JsonNode listing) =>
        listing["plugins"]!.AsArray().Where(p => (string?)p!["source"] == "directory").Select(p => p!).ToArray();

    [GeneratedRegex(@"(?m)^watch = true(?=\s+# reload when a rules file)")]
    private static partial Regex RulesWatch();

    [GeneratedRegex(@"(?m)^# directory = .*$")]
    private static partial Regex Directory();

    [GeneratedRegex(@"(?m)^watch = false(?=\s+# reload when a folder)")]
    private static partial Regex PluginsWatch();

    [GeneratedRegex(@"(?m)^call_timeout_ms = \d+")]
    private static partial Regex CallTimeout();
}
