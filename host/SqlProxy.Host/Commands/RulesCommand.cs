using System.CommandLine;

namespace SqlProxy.Host.Commands;

/// <summary><c>sqlproxy rules check|test</c>: work with <c>.rules</c> files before deploying them.</summary>
internal static class RulesCommand
{
    public static Command Create() => new("rules", "Work with .rules files")
    {
        RulesCheckCommand.Create(),
        RulesTestCommand.Create(),
    };
}
