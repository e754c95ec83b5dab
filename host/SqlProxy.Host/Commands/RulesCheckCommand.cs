using System.CommandLine;
using SqlProxy.Host.Rules;

namespace SqlProxy.Host.Commands;

/// <summary>
/// <c>sqlproxy rules check [paths…] [--config sqlproxy.toml]</c>: compiles rules files and validates them; with a
/// configuration, against the live schema of each configured database. Lists every error and warning; exits 1 on errors only.
/// </summary>
internal static class RulesCheckCommand
{
    public static Command Create()
    {
        var paths = new Argument<string[]>("paths") { Description = "Rules files, or directories of *.rules files (default with --config: its [rules] paths)", Arity = ArgumentArity.ZeroOrMore };
        var config = new Option<FileInfo?>("--config") { Description = "sqlproxy.toml: also check names against the live schema of its databases" };
        var command = new Command("check", "Check rules files: syntax, actions, scopes, conditions, maskers, labels and, with --config, names against the live schema; exit 1 on errors") { paths, config };
        command.SetAction((result, cancellationToken) =>
            CheckAsync(result.GetValue(paths) ?? [], result.GetValue(config)?.FullName, Console.Out, Console.Error, cancellationToken));
        return command;
    }

    /// <summary>Returns 0 when the rules have no error (warnings are listed), 1 with every problem listed otherwise.</summary>
    public static async Task<int> CheckAsync(IReadOnlyList<string> paths, string? configPath, TextWriter output, TextWriter errors, CancellationToken cancellationToken)
    {
        await using var environment = await RulesCommandEnvironment.LoadAsync(configPath, errors, cancellationToken);
        if (environment is null) return 1;
        var rulesPaths = paths.Count > 0 ? paths.Select(Path.GetFullPath).ToArray() : environment.Config?.Rules.Paths ?? [];
        if (rulesPaths.Count == 0)
        {
            await errors.WriteLineAsync("name the rules files or directories to check, or a configuration with --config");
            return 1;
        }

        var load = RulesLoader.Load(rulesPaths, Directory.GetCurrentDirectory(), environment.Rules, environment.NotChecked);
        foreach (var error in load.Errors) await errors.WriteLineAsync(error.ToString());
        foreach (var notChecked in load.NotChecked) await errors.WriteLineAsync("error: " + notChecked);
        foreach (var warning in load.Warnings) await errors.WriteLineAsync(warning.ToString());

        var problems = load.Errors.Count + load.NotChecked.Count;
        if (load.Rules is null || problems > 0)
        {
            await errors.WriteLineAsync($"{problems} problem(s){Warnings(load)} in {load.Files} file(s).");
            return 1;
        }
        await output.WriteLineAsync($"{load.Rules.Count} rules in {load.Files} file(s) are valid{Warnings(load)} (version {load.Rules.Version}).");
        await output.WriteLineAsync("Checked: syntax, actions, scopes, conditions, maskers and their arguments, labels, row-filter predicates.");
        await output.WriteLineAsync(environment.CheckedAgainst());
        return 0;
    }

    private static string Warnings(RulesLoad load) => load.Warnings.Count == 0 ? "" : $" and {load.Warnings.Count} warning(s)";
}
