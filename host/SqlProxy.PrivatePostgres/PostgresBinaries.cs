namespace SqlProxy.PrivatePostgres;

/// <summary>The PostgreSQL server programs used to create, start and stop a cluster.</summary>
internal sealed record PostgresBinaries(string BinDirectory)
{
    private const string DebianRoot = "/usr/lib/postgresql";

    public string InitDb => Path.Combine(BinDirectory, "initdb");

    public string PgCtl => Path.Combine(BinDirectory, "pg_ctl");

    /// <summary>The given directory, else the newest /usr/lib/postgresql/*/bin with initdb, else `pg_config --bindir`, else PATH.</summary>
    public static async Task<PostgresBinaries> DiscoverAsync(string? binDirectory, CancellationToken cancellationToken)
    {
        if (binDirectory is not null)
        {
            return IsServerBin(binDirectory)
                ? new PostgresBinaries(Path.GetFullPath(binDirectory))
                : throw new InvalidOperationException(
                    $"The PostgreSQL bin directory `{binDirectory}` has no initdb and pg_ctl.");
        }
        var found = NewestDebianBin() ?? await PgConfigBinAsync(cancellationToken).ConfigureAwait(false) ?? PathBin();
        return found is not null
            ? new PostgresBinaries(found)
            : throw new InvalidOperationException(
                $"PostgreSQL server programs (initdb, pg_ctl) were not found in {DebianRoot}/*/bin, `pg_config --bindir` or PATH. " +
                "Install them (Debian: `apt-get install -y postgresql-15`, or run `./build.sh --target=prerequisites`), " +
                "or set the bin directory explicitly.");
    }

    private static bool IsServerBin(string directory) =>
        File.Exists(Path.Combine(directory, "initdb")) && File.Exists(Path.Combine(directory, "pg_ctl"));

    private static string? NewestDebianBin()
    {
        if (!Directory.Exists(DebianRoot)) return null;
        return Directory.EnumerateDirectories(DebianRoot)
            .Select(version => (Version: MajorVersion(Path.GetFileName(version)), Bin: Path.Combine(version, "bin")))
            .Where(candidate => candidate.Version >= 0 && IsServerBin(candidate.Bin))
            .OrderByDescending(candidate => candidate.Version)
            .Select(candidate => candidate.Bin)
            .FirstOrDefault();
    }

    private static double MajorVersion(string name) =>
        double.TryParse(name, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var v) ? v : -1;

    private static async Task<string?> PgConfigBinAsync(CancellationToken cancellationToken)
    {
        var pgConfig = Programs.Find("pg_config");
        if (pgConfig is null) return null;
        var result = await ProcessRunner.RunAsync(new ProcessCommand(pgConfig, ["--bindir"]), TimeSpan.FromSeconds(10), cancellationToken)
            .ConfigureAwait(false);
        var bin = result.Output.Trim();
        return result.Succeeded && IsServerBin(bin) ? bin : null;
    }

    private static string? PathBin() => Programs.Find("initdb") is { } initdb && IsServerBin(Path.GetDirectoryName(initdb)!)
        ? Path.GetDirectoryName(initdb)
        : null;
}
