namespace SqlProxy.Host.Configuration;

/// <summary>
/// Problems found while reading a configuration, each as <c>key: what is wrong</c>; a key set by an included file is
/// prefixed with that file (<c>conf.d/db.toml: databases[1].max_rows: …</c>).
/// </summary>
/// <param name="origins">Which file set each key; null when the configuration is one file.</param>
internal sealed class ConfigErrors(ConfigOrigins? origins = null)
{
    private readonly List<string> errors = [];

    public IReadOnlyList<string> All => errors;

    public void Add(string key, string problem)
    {
        var file = origins?.IncludedFileOf(key);
        errors.Add(file is null ? $"{key}: {problem}" : $"{file}: {key}: {problem}");
    }

    /// <summary>Records a problem already worded with its file and key.</summary>
    public void AddLine(string line) => errors.Add(line);
}
