using SqlProxy.Plugins.AuditFile;
using SqlProxy.Sdk;
using static SqlProxy.Plugins.Tests.AuditFile.AuditTrailFiles;

namespace SqlProxy.Plugins.Tests.AuditFile;

/// <summary>The <c>[plugins.audit_file]</c> settings: defaults, refused values named by key, file modes, fsync modes.</summary>
public sealed class AuditFileOptionsTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public void Defaults_are_100_MiB_daily_fsync_always_0600()
    {
        var options = AuditFileOptions.From(Settings(("path", "audit.jsonl")))!;

        Assert.Equal(104857600, options.MaxBytes);
        Assert.Equal(RotationPeriod.Daily, options.RotateEvery);
        Assert.Equal(FsyncPolicy.Always, options.Fsync);
        Assert.Equal(TimeSpan.FromSeconds(1), options.EffectiveFsyncInterval);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, options.FileMode);
        Assert.Equal(Path.Combine(_directory.Path, "audit.jsonl"), options.Path);
    }

    [Fact]
    public void Every_setting_is_read()
    {
        var options = AuditFileOptions.From(Settings(
            ("path", "audit.jsonl"), ("max_bytes", 4096L), ("rotate_every", "hourly"), ("fsync", "interval"),
            ("fsync_interval_ms", 250L), ("file_mode", "0640")))!;

        Assert.Equal(new AuditFileOptions(Path.Combine(_directory.Path, "audit.jsonl"), 4096, RotationPeriod.Hourly, FsyncPolicy.Interval,
            TimeSpan.FromMilliseconds(250), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead), options);
    }

    [Theory]
    [InlineData("max_bytes", 1023L, "Setting `max_bytes` must be at least 1024 (bytes), not 1023.")]
    [InlineData("max_bytes", "big", "Setting `max_bytes` must be an integer, not a string.")]
    [InlineData("rotate_every", "weekly", "Setting `rotate_every` must be one of \"never\", \"hourly\", \"daily\", not \"weekly\".")]
    [InlineData("fsync", "sometimes", "Setting `fsync` must be one of \"always\", \"interval\", \"never\", not \"sometimes\".")]
    [InlineData("fsync_interval_ms", 0L, "Setting `fsync_interval_ms` must be between 1 and 3600000 (milliseconds), not 0.")]
    [InlineData("file_mode", "0644", "Setting `file_mode` must be one of \"0600\", \"0640\", not \"0644\".")]
    [InlineData("file_mode", 384L, "Setting `file_mode` must be a string, not an integer.")]
    public async Task A_bad_setting_is_refused_naming_its_key_and_what_is_allowed(string key, object value, string message)
    {
        var settings = Settings(("path", "audit.jsonl"), (key, value));

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => new AuditFilePlugin().CreateExtensionsAsync(settings, CancellationToken.None).AsTask());

        Assert.Equal(message, error.Message);
        Assert.False(File.Exists(_directory.File("audit.jsonl")));
    }

    [Theory]
    [InlineData("0600", UnixFileMode.UserRead | UnixFileMode.UserWrite)]
    [InlineData("0640", UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead)]
    public async Task The_audit_file_and_its_rotated_files_get_the_file_mode(string setting, UnixFileMode expected)
    {
        if (OperatingSystem.IsWindows()) return;
        var path = _directory.File("logs", "audit.jsonl");
        await using (var sink = await SinkAsync(("path", path), ("file_mode", setting), ("max_bytes", 1024L)))
        {
            for (var i = 0; i < 6; i++) await sink.WriteAsync([AuditRecords.Minimal($"a-{i}")], CancellationToken.None);
        }

        var files = RotatedFiles(path).Append(path).ToArray();
        Assert.True(files.Length >= 3, "some files were rotated");
        foreach (var file in files) Assert.Equal((file, expected), (file, File.GetUnixFileMode(file)));
    }

    [Theory]
    [InlineData("always")]
    [InlineData("interval")]
    [InlineData("never")]
    public async Task Each_fsync_mode_writes_the_whole_chain(string fsync)
    {
        var path = _directory.File("audit.jsonl");
        await using (var sink = await SinkAsync(("path", path), ("fsync", fsync), ("fsync_interval_ms", 20L)))
        {
            for (var i = 0; i < 5; i++)
            {
                await sink.WriteAsync([AuditRecords.Minimal($"a-{2 * i}"), AuditRecords.Minimal($"a-{(2 * i) + 1}")], CancellationToken.None);
                Assert.Equal(2 * (i + 1), File.ReadAllLines(path).Length);
            }
        }

        Assert.Equal(Enumerable.Range(0, 10).Select(i => $"a-{i}"), AuditIds(AssertUnbrokenChain(File.ReadAllLines(path))));
    }

    private PluginSettings Settings(params (string Key, object Value)[] values) =>
        new(values.ToDictionary(v => v.Key, v => v.Value)) { BaseDirectory = _directory.Path };

    private async Task<JsonLinesAuditSink> SinkAsync(params (string Key, object Value)[] values)
    {
        var extensions = await new AuditFilePlugin().CreateExtensionsAsync(Settings(values), CancellationToken.None);
        return Assert.IsType<JsonLinesAuditSink>(Assert.Single(extensions.AuditSinks));
    }
}
