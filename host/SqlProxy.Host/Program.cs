using System.CommandLine;
using SqlProxy.Host.Commands;

var root = new RootCommand("sqlproxy — a SQL governance proxy for PostgreSQL")
{
    ServeCommand.Create(),
    DemoCommand.Create(),
    RulesCommand.Create(),
    AuditCommand.Create(),
};
// Stopping flushes the audit queue and stops the demo's PostgreSQL: give that more than the default 2 s.
return await root.Parse(args).InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = TimeSpan.FromSeconds(40) });
