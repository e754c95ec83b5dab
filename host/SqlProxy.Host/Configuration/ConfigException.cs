namespace SqlProxy.Host.Configuration;

/// <summary>A configuration that cannot be used; every problem names its key.</summary>
public sealed class ConfigException(string path, IReadOnlyList<string> errors)
    : Exception($"{path}: invalid configuration:{Environment.NewLine}  " + string.Join(Environment.NewLine + "  ", errors))
{
    public IReadOnlyList<string> Errors { get; } = errors;
}
