using System.Runtime.Versioning;

namespace SqlProxy.PrivatePostgres.Tests;

[SupportedOSPlatform("linux")]
public sealed class PersistentServerTests
{
    [Fact(Timeout = Servers.TestTimeoutMs)]
    public async Task A_persistent_data_directory_survives_a_restart_with_the_same_password()
    {
        var ct = Servers.Deadline();
        using var scratch = new ScratchDirectory();
        var options = new PrivatePostgresOptions { DataDirectory = scratch.Combine("pgdata") };

        string password;
        await using (var first = await PrivatePostgresServer.StartAsync(options, ct))
        {
            password = first.Password;
            Assert.Equal("on", await Servers.ScalarAsync(first, "postgres", "SHOW fsync", ct));
            await first.CreateDatabaseAsync("kept", ct);
            await Servers.ScalarAsync(first, "kept", "CREATE TABLE notes AS SELECT 'still here'::text AS note", ct);
        }

        var passwordFile = scratch.Combine("pgdata.password");
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(passwordFile));
        Assert.True(Directory.Exists(options.DataDirectory));

        await using var second = await PrivatePostgresServer.StartAsync(options, ct);
        Assert.Equal(password, second.Password);
        Assert.Equal("still here", await Servers.ScalarAsync(second, "kept", "SELECT note FROM notes", ct));
    }

    [Fact(Timeout = Servers.TestTimeoutMs)]
    public async Task A_server_left_running_on_the_data_directory_is_taken_over()
    {
        var ct = Servers.Deadline();
        using var scratch = new ScratchDirectory();
        var options = new PrivatePostgresOptions { DataDirectory = scratch.Combine("pgdata") };

        // An earlier run that was never disposed (as if killed) still runs on the directory.
        var stale = await PrivatePostgresServer.StartAsync(options, ct);
        await using var fresh = await PrivatePostgresServer.StartAsync(options, ct);

        Assert.False(LinuxProcess.IsAlive(stale.PostmasterPid), "the stale server still runs");
        Assert.Equal(stale.Password, fresh.Password);
        Assert.Equal(1, await Servers.ScalarAsync(fresh, "postgres", "SELECT 1", ct));

        // Disposing the stale handle must not stop the server that took its place.
        await stale.DisposeAsync();
        Assert.True(LinuxProcess.IsAlive(fresh.PostmasterPid), "disposing the stale handle stopped the new server");
        Assert.Equal(1, await Servers.ScalarAsync(fresh, "postgres", "SELECT 1", ct));
    }

    [Fact(Timeout = Servers.TestTimeoutMs)]
    public async Task An_explicit_password_for_a_reused_cluster_replaces_the_stored_one()
    {
        var ct = Servers.Deadline();
        using var scratch = new ScratchDirectory();
        var options = new PrivatePostgresOptions { DataDirectory = scratch.Combine("pgdata") };
        await (await PrivatePostgresServer.StartAsync(options, ct)).DisposeAsync();

        await using (var changed = await PrivatePostgresServer.StartAsync(options with { Password = "n3w-pa$$word" }, ct))
        {
            Assert.Equal(1, await Servers.ScalarAsync(changed, "postgres", "SELECT 1", ct));
        }

        await using var again = await PrivatePostgresServer.StartAsync(options, ct);
        Assert.Equal("n3w-pa$$word", again.Password);
        Assert.Equal(1, await Servers.ScalarAsync(again, "postgres", "SELECT 1", ct));
    }
}
