using System.Text;

namespace SqlProxy.Host.Audit;

/// <summary>
/// <c>audit.spill_directory</c>: one sub-directory per audit sink (named after its key, <c>plugin/sink</c>, made safe
/// for a file name; the key itself is kept in a file <c>sink</c> inside), each a <see cref="SpillStore"/>.
/// </summary>
internal sealed class AuditSpillDirectory(string root)
{
    private const string KeyFile = "sink";

    public string Root { get; } = root;

    /// <summary>Creates the directory (mode 0700) or says why it cannot be used, naming the key.</summary>
    /// <exception cref="Configuration.ConfigException">The directory cannot be created.</exception>
    public void EnsureUsable(string configPath)
    {
        try
        {
            if (OperatingSystem.IsWindows()) Directory.CreateDirectory(Root);
            else Directory.CreateDirectory(Root, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new Configuration.ConfigException(configPath, [$"audit.spill_directory: cannot create {Root}: {e.Message}"]);
        }
    }

    /// <summary>The sinks that have records spilled by an earlier run.</summary>
    public IEnumerable<string> KeysWithSpill()
    {
        if (!Directory.Exists(Root)) yield break;
        foreach (var directory in Directory.EnumerateDirectories(Root))
        {
            var keyFile = Path.Combine(directory, KeyFile);
            if (File.Exists(keyFile) && Directory.EnumerateFiles(directory, "*.jsonl").Any()) yield return File.ReadAllText(keyFile).Trim();
        }
    }

    /// <summary>The sink's store; its directory is made with the first spill (and the key written beside the batches).</summary>
    public SpillStore StoreFor(string key) => new(PathFor(key), key);

    /// <summary>Where the sink with this key spills.</summary>
    public string PathFor(string key) => Path.Combine(Root, SafeName(key));

    private static string SafeName(string key)
    {
        var name = new StringBuilder(key.Length);
        foreach (var c in key) name.Append(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '.');
        // Two keys can look alike once made safe: a few hash digits keep their directories apart.
        var hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..8];
        return $"{name}-{hash}";
    }
}
