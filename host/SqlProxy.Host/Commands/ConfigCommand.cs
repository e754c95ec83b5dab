using System.CommandLine;

namespace SqlProxy.Host.Commands;

/// <summary><c>sqlproxy config check</c>: work with <c>sqlproxy.toml</c> before deploying it.</summary>
internal static class ConfigCommand
{
    public static Command Create() => new("config", "Work with sqlproxy.toml")
    {
        ConfigCheckCommand.Create(),
    };
}
