namespace SqlProxy.Rules;

/// <summary>Reads rules files from disk.</summary>
public static class RuleSources
{
    const string Extension = ".rules";

    /// <summary>
    /// Reads rules files: each path is a <c>.rules</c> file or a directory whose <c>*.rules</c> files are
    /// read in ordinal order. <paramref name="displayBase"/> is the directory paths are reported relative to.
    /// </summary>
    /// <param name="paths">Files and directories; a directory is not searched recursively.</param>
    /// <param name="displayBase">The directory the reported paths are relative to (with <c>/</c> separators).</param>
    /// <returns>
    /// The sources, in the order the paths were given, each followed by the files it includes (<c>include 'x.rules';</c>)
    /// and the scripts it names (<c>script 'x.js';</c>), relative to it, in the order it declares them; a file named,
    /// included or declared twice is read once. A script's source has a path ending in <c>.js</c>.
    /// </returns>
    /// <exception cref="RulesException">A path does not exist or cannot be read, an include or script is missing, or includes make a cycle; every such problem is named.</exception>
    public static IReadOnlyList<RuleSource> Read(IEnumerable<string> paths, string displayBase)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var baseDirectory = Path.GetFullPath(displayBase);
        var sources = new List<RuleSource>();
        var problems = new List<RuleDiagnostic>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var reading = new List<string>();

        foreach (var path in paths)
        {
            var full = Path.GetFullPath(path);
            IEnumerable<string> files;
            if (Directory.Exists(full))
            {
                files = Directory.EnumerateFiles(full, "*" + Extension, SearchOption.TopDirectoryOnly)
                    .Where(file => file.EndsWith(Extension, StringComparison.Ordinal))
                    .Order(StringComparer.Ordinal);
            }
            else if (File.Exists(full))
            {
                files = [full];
            }
            else
            {
                problems.Add(new RuleDiagnostic(Display(full), 0, 0, $"no rules file or directory at `{Display(full)}`"));
                continue;
            }

            foreach (var file in files)
                ReadWithDeclarations(file);
        }

        if (problems.Count > 0)
            throw new RulesException(problems);
        return sources;

        string Display(string full) => Path.GetRelativePath(baseDirectory, full).Replace('\\', '/');

        // Depth first: a file, then what it includes and the scripts it names, in the order it declares them.
        // `reading` holds the chain of includes being followed; a script is read as it is, never parsed.
        void ReadWithDeclarations(string file)
        {
            if (!seen.Add(file))
                return;
            string text;
            try
            {
                text = File.ReadAllText(file);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                problems.Add(new RuleDiagnostic(Display(file), 0, 0, $"`{Display(file)}` could not be read: {e.Message}"));
                return;
            }
            sources.Add(new RuleSource(Display(file), text));
            if (Compilation.Declarations.IsScript(sources[^1]))
                return;
            reading.Add(file);
            var parsed = Parsing.RuleParser.Parse(text);
            var declarations = parsed.Includes.Select(include => (include.Path, include.Position, IsScript: false))
                .Concat(parsed.Scripts.Select(script => (script.Path, script.Position, IsScript: true)))
                .OrderBy(declaration => (declaration.Position.Line, declaration.Position.Column));
            foreach (var (declared, position, isScript) in declarations)
            {
                // A rooted or empty path, or a script not named `.js`, is reported by the compiler.
                if (declared.Length == 0 || Path.IsPathRooted(declared) || (isScript && !declared.EndsWith(Compilation.Declarations.ScriptExtension, StringComparison.Ordinal)))
                    continue;
                var target = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(file)!, declared));
                var cycleStart = reading.IndexOf(target);
                if (isScript && !File.Exists(target))
                    problems.Add(new RuleDiagnostic(Display(file), position.Line, position.Column, $"no script file at `{Display(target)}`"));
                else if (isScript)
                    ReadWithDeclarations(target);
                else if (cycleStart >= 0)
                    problems.Add(new RuleDiagnostic(Display(file), position.Line, position.Column,
                        "`include` makes a cycle: " + string.Join(" → ", reading.Skip(cycleStart).Append(target).Select(Display))));
                else if (!File.Exists(target))
                    problems.Add(new RuleDiagnostic(Display(file), position.Line, position.Column, $"no rules file at `{Display(target)}`"));
                else
                    ReadWithDeclarations(target);
            }
            reading.RemoveAt(reading.Count - 1);
        }
    }
}
