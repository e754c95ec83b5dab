namespace SqlProxy.PrivatePostgres;

/// <summary>Looks programs up on PATH (plus the sbin directories, which a non-login root shell may lack).</summary>
internal static class Programs
{
    public static string? Find(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "/usr/local/bin:/usr/bin:/bin")
            .Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Concat(["/usr/sbin", "/sbin"])
            .Select(directory => Path.Combine(directory, program))
            .FirstOrDefault(File.Exists);
}
