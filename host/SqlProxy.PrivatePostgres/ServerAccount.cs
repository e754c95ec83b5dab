namespace SqlProxy.PrivatePostgres;

/// <summary>The OS account PostgreSQL runs as: this process's own, or — when this process is root, which
/// PostgreSQL refuses — an unprivileged user that owns the data directory and runs every server program.</summary>
internal sealed class ServerAccount
{
    private static readonly TimeSpan Quick = TimeSpan.FromSeconds(30);
    private readonly string? _runuser;

    private ServerAccount(string? user, string? runuser)
    {
        User = user;
        _runuser = runuser;
    }

    /// <summary>The unprivileged user the server runs as; null when this process is not root (it runs directly).</summary>
    public string? User { get; }

    public static ServerAccount For(string runAsUser)
    {
        if (!IsRoot) return new ServerAccount(null, null);
        var runuser = Programs.Find("runuser") ?? throw new InvalidOperationException(
            "Running as root, PostgreSQL must run as an unprivileged user, but `runuser` was not found: install util-linux.");
        return new ServerAccount(runAsUser, runuser);
    }

    public static bool IsRoot => Environment.UserName == "root";

    /// <summary>The command that runs <paramref name="program"/> as the server's account.</summary>
    public ProcessCommand Command(string program, params IEnumerable<string> arguments) => User is null
        ? new ProcessCommand(program, [.. arguments])
        : new ProcessCommand(_runuser!, ["-u", User, "--", program, .. arguments]);

    /// <summary>Root only: makes the server's user own <paramref name="directory"/> (recursively) and checks it can enter it.</summary>
    public async Task PrepareAsync(string directory, CancellationToken cancellationToken)
    {
        if (User is null) return;
        var id = await RunAsync(new ProcessCommand("id", ["-u", User]), cancellationToken).ConfigureAwait(false);
        if (!id.Succeeded)
        {
            throw new InvalidOperationException(
                $"The OS user `{User}` that PostgreSQL should run as (it refuses root) does not exist: create it or set RunAsUser.");
        }
        await GiveAsync(directory, cancellationToken).ConfigureAwait(false);
        await EnsureCanEnterAsync(directory, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Root only: makes the server's user own <paramref name="path"/> and everything in it.</summary>
    public async Task GiveAsync(string path, CancellationToken cancellationToken)
    {
        if (User is null) return;
        (await RunAsync(new ProcessCommand("chown", ["-R", $"{User}:", path]), cancellationToken).ConfigureAwait(false))
            .EnsureSuccess($"Giving `{path}` to `{User}`");
    }

    /// <summary>Fails with the first directory on the way to <paramref name="directory"/> that the server's user cannot enter.</summary>
    private async Task EnsureCanEnterAsync(string directory, CancellationToken cancellationToken)
    {
        if (await CanAsync("-x", directory, cancellationToken).ConfigureAwait(false)) return;
        var blocked = directory;
        for (var dir = Path.GetDirectoryName(directory); dir is not null; dir = Path.GetDirectoryName(dir))
        {
            if (await CanAsync("-x", dir, cancellationToken).ConfigureAwait(false)) break;
            blocked = dir;
        }
        throw new InvalidOperationException(
            $"PostgreSQL runs as `{User}` (it refuses root), but `{User}` cannot enter `{blocked}` on the way to `{directory}`. " +
            $"Allow it (`chmod o+x {blocked}`) or choose a data directory elsewhere.");
    }

    private async Task<bool> CanAsync(string test, string path, CancellationToken cancellationToken) =>
        (await RunAsync(Command("test", test, path), cancellationToken).ConfigureAwait(false)).Succeeded;

    private static Task<ProcessResult> RunAsync(ProcessCommand command, CancellationToken cancellationToken) =>
        ProcessRunner.RunAsync(command, Quick, cancellationToken);
}
