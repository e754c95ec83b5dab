using SqlProxy.Sdk;

namespace SqlProxy.Plugins.AuditFile;

/// <summary>When the audit file is rotated besides reaching <see cref="AuditFileOptions.MaxBytes"/>.</summary>
public enum RotationPeriod
{
    /// <summary>Only by size.</summary>
    Never,

    /// <summary>At the first write of a new UTC hour.</summary>
    Hourly,

    /// <summary>At the first write of a new UTC day.</summary>
    Daily,
}

/// <summary>How hard the sink pushes written records to the disk.</summary>
public enum FsyncPolicy
{
    /// <summary>Each batch is fsync'ed before the write returns: an acknowledged record survives a power loss.</summary>
    Always,

    /// <summary>
    /// A batch returns once the OS has it (it survives the process crashing); fsync runs at most every
    /// <see cref="AuditFileOptions.FsyncInterval"/>, so a power loss can take the records of the last interval.
    /// </summary>
    Interval,

    /// <summary>The OS writes back when it likes (usually within ~30 s on Linux): survives a crash of the process, not of the machine.</summary>
    Never,
}

/// <summary>The settings of the <c>audit_file</c> plugin (<c>[plugins.audit_file]</c>), checked.</summary>
/// <param name="Path">The active audit file, absolute.</param>
/// <param name="MaxBytes">The size the active file is rotated before exceeding (a single longer line still gets a file of its own).</param>
/// <param name="RotateEvery">Rotation by time.</param>
/// <param name="Fsync">Durability of each batch.</param>
/// <param name="FsyncInterval">With <see cref="FsyncPolicy.Interval"/>: the longest time written records wait for fsync.</param>
/// <param name="FileMode">The permissions of the audit files and the lock file the sink creates.</param>
public sealed record AuditFileOptions(
    string Path,
    long MaxBytes = AuditFileOptions.DefaultMaxBytes,
    RotationPeriod RotateEvery = RotationPeriod.Daily,
    FsyncPolicy Fsync = FsyncPolicy.Always,
    TimeSpan FsyncInterval = default,
    UnixFileMode FileMode = AuditFileOptions.OwnerOnly)
{
    /// <summary>The default of <c>max_bytes</c>: 100 MiB.</summary>
    public const long DefaultMaxBytes = 100L * 1024 * 1024;

    /// <summary>The least <c>max_bytes</c> accepted.</summary>
    public const long MinMaxBytes = 1024;

    /// <summary>The default of <c>fsync_interval_ms</c>.</summary>
    public const long DefaultFsyncIntervalMs = 1000;

    /// <summary>Mode 0600.</summary>
    public const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>Mode 0640.</summary>
    public const UnixFileMode OwnerAndGroupRead = OwnerOnly | UnixFileMode.GroupRead;

    /// <summary>The interval fsync runs at with <see cref="FsyncPolicy.Interval"/> (the default when none was given).</summary>
    public TimeSpan EffectiveFsyncInterval => FsyncInterval > TimeSpan.Zero ? FsyncInterval : TimeSpan.FromMilliseconds(DefaultFsyncIntervalMs);

    /// <summary>Reads and checks the settings.</summary>
    /// <param name="settings">The plugin's settings.</param>
    /// <returns>The options, or null when <c>path</c> is not set (then there is no sink).</returns>
    /// <exception cref="InvalidOperationException">A setting has a wrong type or value; the message names its key and what is allowed.</exception>
    public static AuditFileOptions? From(PluginSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var path = settings.GetPath(AuditFilePlugin.PathSetting);
        var maxBytes = settings.GetInt64("max_bytes") ?? DefaultMaxBytes;
        if (maxBytes < MinMaxBytes)
            throw new InvalidOperationException($"Setting `max_bytes` must be at least {MinMaxBytes} (bytes), not {maxBytes}.");
        var rotateEvery = OneOf("rotate_every", settings.GetString("rotate_every"), RotationPeriod.Daily,
            ("never", RotationPeriod.Never), ("hourly", RotationPeriod.Hourly), ("daily", RotationPeriod.Daily));
        var fsync = OneOf("fsync", settings.GetString("fsync"), FsyncPolicy.Always,
            ("always", FsyncPolicy.Always), ("interval", FsyncPolicy.Interval), ("never", FsyncPolicy.Never));
        var intervalMs = settings.GetInt64("fsync_interval_ms") ?? DefaultFsyncIntervalMs;
        if (intervalMs is < 1 or > 3_600_000)
            throw new InvalidOperationException($"Setting `fsync_interval_ms` must be between 1 and 3600000 (milliseconds), not {intervalMs}.");
        var fileMode = OneOf("file_mode", settings.GetString("file_mode"), OwnerOnly, ("0600", OwnerOnly), ("0640", OwnerAndGroupRead));
        return path is null ? null : new AuditFileOptions(path, maxBytes, rotateEvery, fsync, TimeSpan.FromMilliseconds(intervalMs), fileMode);
    }

    private static T OneOf<T>(string key, string? value, T fallback, params (string Name, T Value)[] allowed)
    {
        if (value is null) return fallback;
        foreach (var (name, result) in allowed)
        {
            if (string.Equals(name, value, StringComparison.Ordinal)) return result;
        }

        var names = string.Join(", ", allowed.Select(a => $"\"{a.Name}\""));
        throw new InvalidOperationException($"Setting `{key}` must be one of {names}, not \"{value}\".");
    }
}
