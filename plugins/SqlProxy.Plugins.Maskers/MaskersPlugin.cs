using System.Text;
using SqlProxy.Sdk;

namespace SqlProxy.Plugins.Maskers;

/// <summary>
/// The plugin <c>maskers</c>: <c>partial</c>, <c>hash</c>, <c>redact</c>, <c>null</c> and <c>email_domain</c>. <c>hash</c>
/// needs the setting <c>hash_key</c> (a string of at least <see cref="HashMasker.MinKeyLength"/> UTF-8 bytes); without
/// it, <c>hash</c> is a <see cref="UnkeyedHashMasker"/>, whose columns the host redacts.
/// </summary>
public sealed class MaskersPlugin : IPlugin
{
    /// <summary>The setting holding the <c>hash</c> masker's secret key.</summary>
    public const string HashKeySetting = "hash_key";

    /// <inheritdoc />
    public string Name => "maskers";

    /// <inheritdoc />
    public string Version => "1.0.0";

    /// <inheritdoc />
    /// <exception cref="InvalidOperationException"><c>hash_key</c> is not a string, or is too short.</exception>
    public ValueTask<PluginExtensions> CreateExtensionsAsync(PluginSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        IReadOnlyList<IMasker> maskers = settings.GetString(HashKeySetting) is { } text
            ? BuiltInMaskers.Create(HashKey(text))
            : [new PartialMasker(), new UnkeyedHashMasker(), new RedactMasker(), new NullMasker(), new EmailDomainMasker()];
        return ValueTask.FromResult(new PluginExtensions { Maskers = maskers });
    }

    private static byte[] HashKey(string text)
    {
        var key = Encoding.UTF8.GetBytes(text);
        return key.Length >= HashMasker.MinKeyLength
            ? key
            : throw new InvalidOperationException(
                $"Setting `{HashKeySetting}` must be at least {HashMasker.MinKeyLength} bytes long, not {key.Length}.");
    }
}
