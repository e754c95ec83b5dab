using SqlProxy.Host.Secrets;

namespace SqlProxy.Host.Tests.Secrets;

public sealed class SecretTextTests
{
    [Theory]
    [InlineData("sk-analyst-demo-key", "sk-a****-key")]
    [InlineData("abcdefghijkl", "abcd****ijkl")]
    [InlineData("short-key", "****")]
    [InlineData("", "****")]
    [InlineData(null, "(none)")]
    public void A_key_shows_only_its_first_and_last_four_characters(string? key, string shown) =>
        Assert.Equal(shown, SecretText.Obfuscate(key));

    [Theory]
    [InlineData("Bearer sk-analyst-demo-key", "Bearer sk-a****-key")]
    [InlineData("sk-analyst-demo-key", "sk-a****-key")]
    [InlineData(null, "(none)")]
    public void An_authorization_header_keeps_its_scheme(string? header, string shown) =>
        Assert.Equal(shown, SecretText.ObfuscateAuthorization(header));
}
