using System.CommandLine;
using SqlProxy.Host.Commands;

var root = new RootCommand("sqlproxy — a SQL governance proxy for PostgreSQL")
{
    ServeCommand.Create(),
    DemoCommand.Create(),
};
return await root.Parse(args).InvokeAsync();
