using System.Runtime.Versioning;
using System.Security.Cryptography;

namespace SqlProxy.PrivatePostgres;

/// <summary>Where a cluster's files live. A temporary cluster lives in its own directory under the temp path,
/// deleted on dispose; a persistent one keeps its password in a 0600 file next to the data directory.</summary>
internal sealed record ClusterLayout(string DataDirectory, string? TemporaryRoot)
{
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    public bool IsTemporary => TemporaryRoot is not null;

    /// <summary>The directory handed to the server's OS user.</summary>
    public string OwnedDirectory => TemporaryRoot ?? DataDirectory;

    public bool IsInitialised => File.Exists(Path.Combine(DataDirectory, "PG_VERSION"));

    public string LogFile => Path.Combine(DataDirectory, "server.log");

    public string PidFile => Path.Combine(DataDirectory, "postmaster.pid");

    public string PasswordFile => DataDirectory + ".password";

    /// <summary>Where initdb reads the password from; deleted right after initdb.</summary>
    public string InitPasswordFile => Path.Combine(Path.GetDirectoryName(DataDirectory)!, $".{Path.GetFileName(DataDirectory)}.initdb-password");

    /// <summary>Creates the directories: a fresh temporary one for null, else <paramref name="dataDirectory"/> if missing.</summary>
    [SupportedOSPlatform("linux")]
    public static ClusterLayout Create(string? dataDirectory)
    {
        if (dataDirectory is null)
        {
            var root = Path.Combine(Path.GetTempPath(), $"sqlproxy-pg-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6))}");
            Directory.CreateDirectory(root, OwnerOnly);
            var temporary = new ClusterLayout(Path.Combine(root, "data"), root);
            Directory.CreateDirectory(temporary.DataDirectory, OwnerOnly);
            return temporary;
        }
        var layout = new ClusterLayout(Path.TrimEndingDirectorySeparator(Path.GetFullPath(dataDirectory)), null);
        if (Directory.Exists(layout.DataDirectory))
        {
            if (!layout.IsInitialised && Directory.EnumerateFileSystemEntries(layout.DataDirectory).Any())
            {
                throw new InvalidOperationException(
                    $"The data directory `{layout.DataDirectory}` is neither empty nor a PostgreSQL cluster: empty it or choose another.");
            }
            return layout;
        }
        Directory.CreateDirectory(Path.GetDirectoryName(layout.DataDirectory)!);
        Directory.CreateDirectory(layout.DataDirectory, OwnerOnly);
        return layout;
    }

    /// <summary>Deletes a temporary cluster's directory (no-op for a persistent one).</summary>
    public void DeleteIfTemporary()
    {
        if (TemporaryRoot is not null && Directory.Exists(TemporaryRoot)) Directory.Delete(TemporaryRoot, recursive: true);
    }
}
