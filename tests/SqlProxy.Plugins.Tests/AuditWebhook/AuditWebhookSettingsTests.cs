using SqlProxy.Plugins.AuditWebhook;
using SqlProxy.Sdk;

namespace SqlProxy.Plugins.Tests.AuditWebhook;

/// <summary>The settings of <c>[plugins.audit_webhook]</c>: defaults, rejected values naming their key, the secret kept out of messages.</summary>
public sealed class AuditWebhookSettingsTests
{
    private const string Secret = "Bearer whk-0123456789-abcdefghij-SECRET";

    [Fact]
    public async Task Without_url_there_is_no_sink()
    {
        var extensions = await new AuditWebhookPlugin().CreateExtensionsAsync(PluginSettings.Empty, CancellationToken.None);
        Assert.Empty(extensions.AuditSinks);
    }

    [Fact]
    public void Defaults_apply_when_only_url_is_set()
    {
        var settings = WebhookSettings.Read(Settings(("url", "https://audit.example.com/in")))!;

        Assert.Equal(TimeSpan.FromMilliseconds(5000), settings.Timeout);
        Assert.Equal(3, settings.Retries);
        Assert.Equal(TimeSpan.FromMilliseconds(200), settings.Backoff);
        Assert.Equal(500, settings.BatchSize);
        Assert.Null(settings.Authorization);
    }

    [Theory]
    [InlineData("url", "ftp://audit.example.com/", "`url` must be an absolute http:// or https:// URL")]
    [InlineData("url", "/relative/path", "`url` must be an absolute http:// or https:// URL")]
    [InlineData("url", 5L, "Setting `url` must be a string")]
    [InlineData("timeout_ms", 0L, "`timeout_ms` must be between 1 and")]
    [InlineData("timeout_ms", "5s", "Setting `timeout_ms` must be an integer")]
    [InlineData("retries", -1L, "`retries` must be between 0 and")]
    [InlineData("backoff_ms", -5L, "`backoff_ms` must be between 0 and")]
    [InlineData("batch_size", 0L, "`batch_size` must be between 1 and")]
    [InlineData("authorization", "", "`authorization` must not be empty")]
    [InlineData("authorization", 42L, "Setting `authorization` must be a string")]
    public async Task A_bad_setting_is_rejected_naming_its_key(string key, object value, string expected)
    {
        var settings = Settings(("url", "http://127.0.0.1:9/"), (key, value));
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => new AuditWebhookPlugin().CreateExtensionsAsync(settings, CancellationToken.None).AsTask());
        Assert.StartsWith(expected, error.Message);
    }

    [Fact]
    public void An_authorization_with_a_line_break_is_rejected_showing_it_only_obfuscated()
    {
        var error = Assert.Throws<InvalidOperationException>(() => WebhookSettings.Read(Settings(("url", "http://127.0.0.1:9/"), ("authorization", Secret + "\r\nX-Evil: 1"))));

        Assert.Contains("`authorization` (Bear****l: 1)", error.Message);
        Assert.DoesNotContain("whk-0123456789", error.Message);
    }

    [Theory]
    [InlineData("Bearer abcdefghijkl", "Bear****ijkl")]
    [InlineData("short-token", "****")]
    [InlineData("", "****")]
    public void Secrets_are_obfuscated_to_their_ends(string secret, string expected) =>
        Assert.Equal(expected, SecretText.Obfuscate(secret));

    [Fact]
    public void The_settings_text_hides_the_authorization_user_info_and_query()
    {
        var settings = WebhookSettings.Read(Settings(("url", "https://user:pass@audit.example.com:8443/in?key=q-secret"), ("authorization", Secret)))!;

        var text = settings.ToString();
        Assert.Contains("https://audit.example.com:8443/in", text);
        Assert.Contains("Bear****CRET", text);
        Assert.DoesNotContain("whk-0123456789", text);
        Assert.DoesNotContain("pass", text);
        Assert.DoesNotContain("q-secret", text);
    }

    /// <summary>The settings, a later value for a key replacing an earlier one.</summary>
    private static PluginSettings Settings(params (string Key, object Value)[] values)
    {
        var settings = new Dictionary<string, object>();
        foreach (var (key, value) in values) settings[key] = value;
        return new PluginSettings(settings);
    }
}
