namespace SqlProxy.Host.Plugins;

/// <summary>The SDK version rule: a plugin needs the host's SDK major version and a minor version no newer than the host's.</summary>
internal static class SdkCompatibility
{
    /// <summary>The host's SDK version (its assembly version, <c>major.minor.0.0</c>).</summary>
    public static Version HostVersion { get; } = typeof(SqlProxy.Sdk.IPlugin).Assembly.GetName().Version!;

    /// <summary>Why a plugin built against <paramref name="plugin"/> cannot load in a host with <paramref name="host"/>, or null when it can.</summary>
    public static string? Refusal(Version plugin, Version host)
    {
        if (plugin.Major == host.Major && plugin.Minor <= host.Minor) return null;
        return $"it is built against SqlProxy.Sdk {plugin.Major}.{plugin.Minor} but this host has SqlProxy.Sdk {host.Major}.{host.Minor}, "
            + $"and a plugin needs SqlProxy.Sdk {host.Major}.x no newer than {host.Major}.{host.Minor}";
    }
}
