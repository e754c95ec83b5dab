namespace SqlProxy.PrivatePostgres.Tests;

public sealed class ScriptTests
{
    [Fact(Timeout = Servers.TestTimeoutMs)]
    public async Task A_failing_script_names_the_file_the_line_and_the_message_and_changes_nothing()
    {
        var ct = Servers.Deadline();
        using var scratch = new ScratchDirectory();
        var good = scratch.Combine("01-good.sql");
        var bad = scratch.Combine("02-bad.sql");
        await File.WriteAllTextAsync(good, "CREATE TABLE t (id int);\n", ct);
        await File.WriteAllTextAsync(bad, "INSERT INTO t VALUES (1);\n\n-- wrong: ; in a comment\nSELECT 'a;b', id,\n       nope FROM t;\n", ct);
        await using var server = await PrivatePostgresServer.StartAsync(new PrivatePostgresOptions(), ct);
        await server.CreateDatabaseAsync("app", ct);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => server.RunScriptsAsync("app", [good, bad], ct));

        Assert.Equal(
            $"SQL script `{bad}` failed at line 5, column 8: column \"nope\" does not exist (SQLSTATE 42703)",
            error.Message.Split(Environment.NewLine)[0]);
        Assert.Equal(0L, await Servers.ScalarAsync(server, "app", "SELECT count(*) FROM t", ct));
    }
}
