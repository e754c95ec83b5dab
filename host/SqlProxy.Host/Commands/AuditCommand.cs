using System.CommandLine;

namespace SqlProxy.Host.Commands;

/// <summary><c>sqlproxy audit verify</c>: work with audit trails.</summary>
internal static class AuditCommand
{
    public static Command Create() => new("audit", "Work with audit trails")
    {
        AuditVerifyCommand.Create(),
    };
}
