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
    /// <returns>The sources, in the order the paths were given; a file named twice is read once.</returns>
    /// <exception cref="RulesException">A path does not exist or cannot be read; every such path is named.</exception>
    public static IReadOnlyList<RuleSource> Read(IEnumerable<string> paths, string displayBase)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var baseDirectory = Path.GetFullPath(displayBase);
        var sources = new List<RuleSource>();
        var problems = new List<RuleDiagnostic>();
        var seen = new HashSet<string>(StringComparer.Ordinal);

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

            foreach (var file in files.Where(seen.Add))
            {
                try
                {
                    sources.Add(new RuleSource(Display(file), File.ReadAllText(file)));
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    problems.Add(new RuleDiagnostic(Display(file), 0, 0, $"`{Display(file)}` could not be read: {e.Message}"));
                }
            }
        }

        if (problems.Count > 0)
            throw new RulesException(problems);
        return sources;

        string Display(string full) => Path.GetRelativePath(baseDirectory, full).Replace('\\', '/');
    }
}
