using System.CommandLine;
using SqlProxy.Analysis;
using SqlProxy.Host.RuleTests;
using SqlProxy.Host.Rules;
using SqlProxy.Rules;

namespace SqlProxy.Host.Commands;

/// <summary>
/// <c>sqlproxy rules test &lt;paths…&gt; [--config sqlproxy.toml]</c>: runs the <c>*.rules.test</c> files of each
/// directory (or the test files named) against the <c>*.rules</c> of the same directory. Prints each test, and for a
/// failure the decision's trace; ends with a summary; exits 1 when a test fails or cannot be read.
/// </summary>
internal static class RulesTestCommand
{
    private const string TestExtension = ".rules.test";

    public static Command Create()
    {
        var paths = new Argument<string[]>("paths") { Description = "Directories of *.rules and *.rules.test files, or .rules.test files", Arity = ArgumentArity.OneOrMore };
        var config = new Option<FileInfo?>("--config") { Description = "sqlproxy.toml: judge with the live schema of its databases (else no schema: `*` is unknown columns)" };
        var command = new Command("test", "Run rule tests (*.rules.test) against the rules beside them; exit 1 when any fails") { paths, config };
        command.SetAction((result, cancellationToken) =>
            RunAsync(result.GetValue(paths)!, result.GetValue(config)?.FullName, Console.Out, Console.Error, cancellationToken));
        return command;
    }

    public static async Task<int> RunAsync(IReadOnlyList<string> paths, string? configPath, TextWriter output, TextWriter errors, CancellationToken cancellationToken)
    {
        var suites = Suites(paths, errors);
        if (suites is null) return 1;
        await using var environment = await RulesCommandEnvironment.LoadAsync(configPath, errors, cancellationToken);
        if (environment is null) return 1;
        foreach (var notChecked in environment.NotChecked) await errors.WriteLineAsync("error: " + notChecked);
        if (environment.NotChecked.Count > 0) return 1;

        ISqlAnalyzer analyzer;
        try
        {
            var limits = environment.Config?.Limits;
            analyzer = new SqlAnalyzer(limits is null ? AnalysisLimits.Default : new AnalysisLimits(limits.MaxSqlBytes, limits.MaxParseDepth));
        }
        catch (DllNotFoundException e)
        {
            await errors.WriteLineAsync(e.Message);
            return 1;
        }

        var (passed, failed, broken) = (0, 0, 0);
        var displayBase = Directory.GetCurrentDirectory();
        foreach (var (directory, testFiles) in suites)
        {
            var load = RulesLoader.Load([directory], displayBase, environment.Rules, []);
            foreach (var diagnostic in load.Errors.Concat(load.Warnings)) await errors.WriteLineAsync(diagnostic.ToString());
            if (load.Rules is null)
            {
                broken += load.Errors.Count;
                continue;
            }
            var runner = new RuleTestRunner(load.Rules, analyzer, environment.Schemas);
            foreach (var file in testFiles)
            {
                var display = Path.GetRelativePath(displayBase, file).Replace('\\', '/');
                var tests = RuleTestParser.Parse(await File.ReadAllTextAsync(file, cancellationToken), display, out var problems);
                foreach (var problem in problems) await errors.WriteLineAsync(problem.ToString());
                if (problems.Count > 0)
                {
                    broken += problems.Count;
                    continue;
                }
                foreach (var result in tests.Select(runner.Run))
                {
                    RuleTestReport.Write(result, output);
                    if (result.Passed) passed++;
                    else failed++;
                }
            }
        }

        await output.WriteLineAsync(RuleTestReport.Summary(passed, failed) + (broken > 0 ? $" {broken} problem(s) kept tests from running." : ""));
        return failed == 0 && broken == 0 ? 0 : 1;
    }

    /// <summary>The rules directories and, for each, the test files to run; null after printing why a path cannot be used.</summary>
    private static IReadOnlyList<(string Directory, IReadOnlyList<string> TestFiles)>? Suites(IReadOnlyList<string> paths, TextWriter errors)
    {
        var suites = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var path in paths.Select(Path.GetFullPath))
        {
            IEnumerable<string> files;
            if (Directory.Exists(path))
                files = Directory.EnumerateFiles(path, "*" + TestExtension).Where(file => file.EndsWith(TestExtension, StringComparison.Ordinal));
            else if (File.Exists(path) && path.EndsWith(TestExtension, StringComparison.Ordinal))
                files = [path];
            else
            {
                errors.WriteLine($"`{path}` is not a directory or a {TestExtension} file");
                return null;
            }
            var directory = Directory.Exists(path) ? path : Path.GetDirectoryName(path)!;
            if (!suites.TryGetValue(directory, out var list)) suites[directory] = list = [];
            list.AddRange(files.Where(file => !list.Contains(file)));
        }
        var empty = suites.Where(suite => suite.Value.Count == 0).Select(suite => suite.Key).ToArray();
        foreach (var directory in empty) errors.WriteLine($"no `*{TestExtension}` files in `{directory}`");
        return empty.Length > 0
            ? null
            : suites.OrderBy(suite => suite.Key, StringComparer.Ordinal)
                .Select(suite => (suite.Key, (IReadOnlyList<string>)[.. suite.Value.Order(StringComparer.Ordinal)]))
                .ToArray();
    }
}
