namespace SqlProxy.Host.Configuration;

/// <summary>
/// Which file set which key of a configuration assembled from includes. Keys are paths as errors show them
/// (<c>server.listen</c>, <c>databases[2]</c>); a key not recorded belongs to the nearest recorded key above it, and
/// a key with none above it to the main file.
/// </summary>
internal sealed class ConfigOrigins(string mainFile)
{
    private readonly Dictionary<string, string> files = new(StringComparer.Ordinal);

    /// <summary>How the main file is named in messages.</summary>
    public string MainFile => mainFile;

    public void Record(string key, string file) => files[key] = file;

    /// <summary>The file that set <paramref name="key"/>.</summary>
    public string FileOf(string key)
    {
        for (var path = key; path.Length > 0; path = Parent(path))
        {
            if (files.TryGetValue(path, out var file)) return file;
        }
        return mainFile;
    }

    /// <summary>The included file that set <paramref name="key"/>, or null when the main file did.</summary>
    public string? IncludedFileOf(string key)
    {
        var file = FileOf(key);
        return file == mainFile ? null : file;
    }

    private static string Parent(string key)
    {
        var cut = Math.Max(key.LastIndexOf('.'), key.LastIndexOf('['));
        return cut < 0 ? "" : key[..cut];
    }
}
