using System.CommandLine;
using SqlProxy.Host.Configuration;
using SqlProxy.Host.Plugins;
using SqlProxy.Rules;

namespace SqlProxy.Host.Commands;

/// <summary><c>sqlproxy serve --config sqlproxy.toml</c>: runs the proxy until SIGINT or SIGTERM.</summary>
internal static class ServeCommand
{
    public static Command Create()
    {
        var config = new Option<FileInfo>("--config") { Description = "Path of sqlproxy.toml", Required = true };
        var command = new Command("serve", "Run the proxy") { config };
        command.SetAction((result, cancellationToken) => RunAsync(result.GetValue(config)!.FullName, cancellationToken));
        return command;
    }

    /// <summary>Loads the configuration and serves; a bad configuration or bad rules exit with 2 and every error.</summary>
    public static async Task<int> RunAsync(string configPath, CancellationToken cancellationToken)
    {
        WebApplication app;
        try
        {
            app = ProxyApp.Build(ConfigLoader.Load(configPath));
        }
        catch (ConfigException e)
        {
            await Console.Error.WriteLineAsync(e.Message);
            return 2;
        }
        catch (PluginStartupException e)
        {
            await Console.Error.WriteLineAsync(e.Message);
            return 2;
        }
        catch (RulesException e)
        {
            await Console.Error.WriteLineAsync($"the rules are not valid:{Environment.NewLine}{e.Message}");
            return 2;
        }
        catch (DllNotFoundException e)
        {
            // libpg_query missing: the message says which package to install.
            await Console.Error.WriteLineAsync(e.Message);
            return 3;
        }
        await app.RunAsync(cancellationToken);
        return 0;
    }
}
