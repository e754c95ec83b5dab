namespace SqlProxy.Plugins.Tests.Maskers;

/// <summary>Builds a masker's named arguments: <c>Args.Of(("keep_first", "2"))</c>.</summary>
internal static class Args
{
    public static readonly IReadOnlyDictionary<string, string> None = new Dictionary<string, string>();

    public static IReadOnlyDictionary<string, string> Of(params (string Name, string Value)[] arguments) =>
        arguments.ToDictionary(a => a.Name, a => a.Value, StringComparer.Ordinal);

    public static readonly byte[] Key = [.. Enumerable.Range(1, 32).Select(i => (byte)i)];

    public static readonly byte[] OtherKey = [.. Enumerable.Range(101, 32).Select(i => (byte)i)];
}
