using System.CommandLine;
using Microsoft.Extensions.Logging.Abstractions;
using SqlProxy.Host.Configuration;
using SqlProxy.Host.Plugins;
using SqlProxy.Host.Rules;

namespace SqlProxy.Host.Commands;

/// <summary>
/// <c>sqlproxy config check &lt;file&gt;</c>: loads a configuration as <c>serve</c> does — the file and its includes,
/// the plugins with their settings (refused as at start-up), the rules compiled against the plugins' maskers and
/// labels — without a database. Prints one <c>OK</c> line, or every error one per line on stderr. Never prints a
/// connection string, key or other setting value.
/// </summary>
internal static class ConfigCheckCommand
{
    /// <summary>What the check leaves to <c>rules check --config</c>.</summary>
    public const string SchemaNotChecked =
        "Names of databases, schemas, tables and columns in the rules were not checked (that needs the live databases): run `sqlproxy rules check --config {0}`.";

    public static Command Create()
    {
        var file = new Argument<FileInfo>("file") { Description = "The configuration file (sqlproxy.toml)" };
        var command = new Command("check", "Validate a configuration as serve would, without a database: keys, includes, plugins and their settings, rules; exit 2 on errors") { file };
        command.SetAction((result, cancellationToken) => RunAsync(result.GetValue(file)!.FullName, Console.Out, Console.Error, cancellationToken));
        return command;
    }

    /// <summary>Returns 0 when the configuration would serve, 2 with every error listed on <paramref name="errors"/> otherwise.</summary>
    /// <param name="environment">Where <c>${NAME}</c> is looked up; the process environment by default.</param>
    public static async Task<int> RunAsync(string path, TextWriter output, TextWriter errors, CancellationToken cancellationToken, Func<string, string?>? environment = null)
    {
        ProxyConfig config;
        try
        {
            config = ConfigLoader.Load(path, environment);
        }
        catch (ConfigException e)
        {
            return await FailAsync(errors, path, e.Errors);
        }

        await using var catalog = new PluginCatalog(config.Plugins, NullLogger<PluginCatalog>.Instance);
        var plugins = await catalog.ReloadAsync(cancellationToken, PluginSetChecks.AtStart);
        if (!plugins.Swapped)
        {
            return await FailAsync(errors, path, plugins.Refusals.Select(refusal => $"plugins: {refusal}").ToArray());
        }

        RulesLoad rules;
        try
        {
            var environmentForRules = RulesEnvironments.Create(null, plugins.Serving, config.Plugins.CallTimeoutMs);
            rules = RulesLoader.Load(config.Rules.Paths, config.Rules.DisplayBase, environmentForRules, []);
        }
        catch (DllNotFoundException e)
        {
            // libpg_query missing: row-filter predicates cannot be checked; the message names the package.
            return await FailAsync(errors, path, [$"rules: {e.Message}"]);
        }

        foreach (var failure in plugins.Serving.Failures) await errors.WriteLineAsync($"warning: the {failure.Source} plugin folder `{failure.Folder}` did not load: {failure.Reason}");
        foreach (var warning in rules.Warnings) await errors.WriteLineAsync(warning.ToString());
        if (rules.Rules is null)
        {
            return await FailAsync(errors, path, rules.Errors.Select(error => error.ToString()).ToArray());
        }

        var loaded = string.Join(", ", plugins.Serving.Plugins.Select(plugin => $"{plugin.Name} {plugin.Version}"));
        await output.WriteLineAsync(
            $"OK {path}: {config.Databases.Count} databases, {config.Users.Count} users, {rules.Files} rules files, plugins: {(loaded.Length == 0 ? "none" : loaded)}");
        await output.WriteLineAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, SchemaNotChecked, path));
        return 0;
    }

    private static async Task<int> FailAsync(TextWriter errors, string path, IReadOnlyList<string> problems)
    {
        foreach (var problem in problems) await errors.WriteLineAsync(problem);
        await errors.WriteLineAsync($"{path}: {problems.Count} error(s): the configuration cannot serve.");
        return 2;
    }
}
