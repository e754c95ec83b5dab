using System.CommandLine;
using SqlProxy.Rules;

namespace SqlProxy.Host.Commands;

/// <summary><c>sqlproxy rules check &lt;path&gt;…</c>: compiles rules files and lists every problem.</summary>
internal static class RulesCommand
{
    public static Command Create()
    {
        var paths = new Argument<string[]>("paths") { Description = "Rules files, or directories of *.rules files", Arity = ArgumentArity.OneOrMore };
        var check = new Command("check", "Check rules files (syntax, actions, conditions); exit 1 when any problem is found") { paths };
        check.SetAction(result => Check(result.GetValue(paths)!, Console.Out, Console.Error));
        return new Command("rules", "Work with .rules files") { check };
    }

    /// <summary>Returns 0 when the rules compile, 1 with every problem listed otherwise.</summary>
    public static int Check(IReadOnlyList<string> paths, TextWriter output, TextWriter errors)
    {
        IReadOnlyList<RuleSource> sources;
        try
        {
            sources = RuleSources.Read(paths.Select(Path.GetFullPath), Directory.GetCurrentDirectory());
        }
        catch (RulesException e)
        {
            errors.WriteLine(e.Message);
            return 1;
        }
        if (!RulesCompiler.TryCompile(sources, out var ruleSet, out var diagnostics))
        {
            foreach (var diagnostic in diagnostics) errors.WriteLine(diagnostic);
            errors.WriteLine($"{diagnostics.Count} problem(s) in {sources.Count} file(s).");
            return 1;
        }
        output.WriteLine($"{ruleSet.Count} rules in {sources.Count} file(s) compile (version {ruleSet.Version}).");
        output.WriteLine("Checked: syntax, actions, scopes and conditions. Not checked: names against a live schema (not built yet).");
        return 0;
    }
}
