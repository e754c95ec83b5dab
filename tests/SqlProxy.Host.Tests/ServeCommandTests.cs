using SqlProxy.Host.Commands;
using SqlProxy.Host.Tests.Support;

namespace SqlProxy.Host.Tests;

/// <summary>`sqlproxy serve` refuses to start, with status 2, on a bad configuration or bad rules.</summary>
public sealed class ServeCommandTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("sqlproxy-serve-").FullName;

    [Fact]
    public async Task A_missing_configuration_exits_with_2() =>
        Assert.Equal(2, await ServeCommand.RunAsync(Path.Combine(directory, "missing.toml"), CancellationToken.None));

    [Fact]
    public async Task Rules_that_do_not_compile_exit_with_2()
    {
        Directory.CreateDirectory(Path.Combine(directory, "rules"));
        File.WriteAllText(Path.Combine(directory, "rules", "bad.rules"), "allow selct on *;\n");
        var toml = SampleToml.Text(Path.Combine(directory, "rules")).Replace("Password=${SQLPROXY_DB_PASSWORD}", "Password=unused");
        var config = Path.Combine(directory, "sqlproxy.toml");
        File.WriteAllText(config, toml);

        Assert.Equal(2, await ServeCommand.RunAsync(config, CancellationToken.None));
    }

    public void Dispose() => Directory.Delete(directory, recursive: true);
}
