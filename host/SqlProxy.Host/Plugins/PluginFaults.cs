namespace SqlProxy.Host.Plugins;

/// <summary>How the host speaks of a plugin extension and of its faults without trusting the plugin.</summary>
internal static class PluginFaults
{
    /// <summary>An extension's name, or <c>?</c> when asking for it throws or gives null.</summary>
    public static string NameOf(Func<string?> name)
    {
        try
        {
            return name() ?? "?";
        }
        catch (Exception)
        {
            return "?";
        }
    }

    /// <summary>
    /// A fault in one clause: a timeout says what happened; of anything else only the type, since a plugin's message
    /// may quote the values it saw.
    /// </summary>
    public static string Describe(Exception e) => e is TimeoutException ? e.Message : $"it threw {e.GetType().Name}";
}
