namespace SqlProxy.Host.Configuration;

/// <summary>Problems found while reading a configuration, each as <c>key: what is wrong</c>.</summary>
internal sealed class ConfigErrors
{
    private readonly List<string> errors = [];

    public IReadOnlyList<string> All => errors;

    public void Add(string key, string problem) => errors.Add($"{key}: {problem}");
}
