using Tomlyn;
using Tomlyn.Model;

namespace SqlProxy.Host.Configuration;

/// <summary>
/// Reads the main configuration file and the files it includes (<c>include = ["other.toml", "conf.d/*.toml"]</c> at
/// the top level of any of them) into one table. Include paths are relative to the including file; <c>*</c> and
/// <c>?</c> may appear in the file name (matches in ordinal name order; no match is fine), a named file that is
/// missing is an error. Each included file is merged after the including file's own keys (<see cref="TomlMerge"/>),
/// then its own includes in turn, at most <see cref="MaxDepth"/> levels deep; a cycle or a file included twice is an
/// error naming the chain.
/// </summary>
internal sealed class ConfigIncludes
{
    /// <summary>The top-level key listing the files to include.</summary>
    public const string Key = "include";

    /// <summary>How deep includes may nest (the main file is level 0).</summary>
    public const int MaxDepth = 8;

    private static readonly EnumerationOptions GlobOptions = new() { MatchType = MatchType.Simple, RecurseSubdirectories = false };

    private readonly string mainPath;
    private readonly string mainDirectory;
    private readonly ConfigOrigins origins;
    private readonly ConfigErrors errors;
    private readonly HashSet<string> seen = new(StringComparer.Ordinal);
    private readonly TomlTable root;

    private ConfigIncludes(string mainPath, TomlTable root, ConfigOrigins origins, ConfigErrors errors)
    {
        this.mainPath = mainPath;
        mainDirectory = Path.GetDirectoryName(mainPath)!;
        this.root = root;
        this.origins = origins;
        this.errors = errors;
        seen.Add(mainPath);
    }

    /// <summary>The main file with every include merged in; problems with the includes go to <paramref name="errors"/>.</summary>
    /// <param name="mainPath">The main file's absolute path.</param>
    /// <exception cref="ConfigException">The main file is not valid TOML.</exception>
    public static TomlTable Read(string mainPath, ConfigOrigins origins, ConfigErrors errors)
    {
        TomlTable root;
        try
        {
            root = TomlDocument.Read(File.ReadAllText(mainPath), origins.MainFile, errors);
        }
        catch (TomlException e)
        {
            throw new ConfigException(mainPath, [$"not valid TOML: {e.Message}"]);
        }

        new ConfigIncludes(mainPath, root, origins, errors).Process(mainPath, root, [mainPath]);
        return root;
    }

    /// <summary>How <paramref name="path"/> is named in messages: relative to the main file's directory.</summary>
    public static string Display(string mainDirectory, string path) => Path.GetRelativePath(mainDirectory, path).Replace('\\', '/');

    private void Process(string path, TomlTable table, IReadOnlyList<string> chain)
    {
        var includes = TakeIncludes(path, table);
        if (chain.Count > 1) TomlMerge.Into(root, table, "", Display(path), origins, errors);
        foreach (var entry in includes)
        {
            foreach (var included in Expand(path, entry))
            {
                IReadOnlyList<string> next = [.. chain, included];
                if (chain.Contains(included))
                    AddError(path, $"`{entry}` makes a cycle: {Describe(next)}");
                else if (chain.Count > MaxDepth)
                    AddError(path, $"`{entry}` nests includes deeper than {MaxDepth} levels: {Describe(next)}");
                else if (!seen.Add(included))
                    AddError(path, $"`{entry}`: {Display(included)} is included more than once");
                else if (TryParse(path, included) is { } includedTable)
                    Process(included, includedTable, next);
            }
        }
    }

    private IReadOnlyList<string> TakeIncludes(string path, TomlTable table)
    {
        if (!table.TryGetValue(Key, out var value)) return [];
        table.Remove(Key);
        if (value is TomlArray array && array.All(item => item is string))
            return array.Cast<string>().ToArray();
        AddError(path, "must be a list of file paths (strings)");
        return [];
    }

    /// <summary>The files one include entry names, in order; a missing named file is reported.</summary>
    private IEnumerable<string> Expand(string includingPath, string entry)
    {
        var includingDirectory = Path.GetDirectoryName(includingPath)!;
        var name = Path.GetFileName(entry);
        var directoryPart = Path.GetDirectoryName(entry) ?? "";
        if (directoryPart.Contains('*') || directoryPart.Contains('?'))
        {
            AddError(includingPath, $"`{entry}`: `*` and `?` are allowed only in the file name, not in directories");
            return [];
        }

        var full = Path.GetFullPath(entry, includingDirectory);
        if (name.Contains('*') || name.Contains('?'))
        {
            var directory = Path.GetDirectoryName(full)!;
            return Directory.Exists(directory)
                ? Directory.GetFiles(directory, name, GlobOptions).Order(StringComparer.Ordinal).ToArray()
                : [];
        }

        if (File.Exists(full)) return [full];
        AddError(includingPath, $"`{entry}` not found ({full})");
        return [];
    }

    private TomlTable? TryParse(string includingPath, string path)
    {
        try
        {
            return Parse(path);
        }
        catch (TomlException e)
        {
            errors.AddLine($"{Display(path)}: not valid TOML: {e.Message}");
        }
        catch (IOException e)
        {
            AddError(includingPath, $"{Display(path)} cannot be read: {e.Message}");
        }
        catch (UnauthorizedAccessException e)
        {
            AddError(includingPath, $"{Display(path)} cannot be read: {e.Message}");
        }
        return null;
    }

    private TomlTable Parse(string path) => TomlDocument.Read(File.ReadAllText(path), Display(path), errors);

    private void AddError(string file, string problem) =>
        errors.AddLine(file == mainPath ? $"{Key}: {problem}" : $"{Display(file)}: {Key}: {problem}");

    private string Display(string path) => Display(mainDirectory, path);

    private string Describe(IEnumerable<string> chain) => string.Join(" → ", chain.Select(Display));
}
