namespace SqlProxy.PrivatePostgres;

/// <summary>Reads the postmaster's pid from `postmaster.pid` in a data directory (its first line).</summary>
internal static class PostmasterPidFile
{
    public static int? ReadPid(string dataDirectory)
    {
        try
        {
            using var reader = new StreamReader(Path.Combine(dataDirectory, "postmaster.pid"));
            return int.TryParse(reader.ReadLine()?.Trim(), out var pid) && pid > 0 ? pid : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
