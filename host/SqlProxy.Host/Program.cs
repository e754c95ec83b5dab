using System.CommandLine;
using SqlProxy.Host.Commands;

var root = new RootCommand("sqlproxy — a SQL governance proxy for PostgreSQL")
{
    ServeCommand.Create(),
    DemoCommand.Create(),
    RulesCommand.Create(),
    AuditCommand.Create(),
    ConfigCommand.Create(),
};
// Stopping finishes requests in flight, drains the audit and stops the demo's PostgreSQL, bounded by
// server.shutdown_timeout_seconds (at most 600): the command line's own cap must not cut that short.
return await root.Parse(args).InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = TimeSpan.FromSeconds(660) });
