using SqlProxy.Sdk;

namespace SqlProxy.Plugins.AuditWebhook;

/// <summary>
/// The validated settings of <c>[plugins.audit_webhook]</c>. <see cref="object.ToString"/> shows the authorization
/// only obfuscated (<see cref="SecretText.Obfuscate"/>) and the URL without user info or query.
/// </summary>
/// <param name="Url">Where the batches are POSTed (absolute http:// or https://).</param>
/// <param name="Timeout">How long one attempt may take.</param>
/// <param name="Retries">How many times a failed attempt is retried.</param>
/// <param name="Backoff">The delay before the first retry; later ones grow exponentially, with jitter.</param>
/// <param name="BatchSize">Most records per POST.</param>
/// <param name="Authorization">The <c>Authorization</c> header's value, or null: a secret.</param>
public sealed record WebhookSettings(Uri Url, TimeSpan Timeout, int Retries, TimeSpan Backoff, int BatchSize, string? Authorization)
{
    /// <summary>The setting naming the receiver.</summary>
    public const string UrlKey = "url";

    /// <summary>The setting bounding one attempt, in milliseconds.</summary>
    public const string TimeoutKey = "timeout_ms";

    /// <summary>The setting counting retries.</summary>
    public const string RetriesKey = "retries";

    /// <summary>The setting giving the first retry's delay, in milliseconds.</summary>
    public const string BackoffKey = "backoff_ms";

    /// <summary>The setting bounding the records per POST.</summary>
    public const string BatchSizeKey = "batch_size";

    /// <summary>The setting holding the <c>Authorization</c> header's value.</summary>
    public const string AuthorizationKey = "authorization";

    /// <summary>The URL as shown in messages: scheme, host, port and path; no user info, no query, no fragment.</summary>
    public string DisplayUrl => Url.GetComponents(UriComponents.SchemeAndServer | UriComponents.Path, UriFormat.UriEscaped);

    /// <summary>Reads and checks the settings.</summary>
    /// <param name="settings">The plugin's settings.</param>
    /// <returns>The settings, or null when <c>url</c> is not set (the plugin then contributes no sink).</returns>
    /// <exception cref="InvalidOperationException">A setting is invalid; the message names its key.</exception>
    public static WebhookSettings? Read(PluginSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var url = settings.GetString(UrlKey);
        if (url is null) return null;
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            throw new InvalidOperationException($"`{UrlKey}` must be an absolute http:// or https:// URL.");
        return new WebhookSettings(
            uri,
            TimeSpan.FromMilliseconds(Integer(settings, TimeoutKey, 5_000, 1, 600_000)),
            (int)Integer(settings, RetriesKey, 3, 0, 100),
            TimeSpan.FromMilliseconds(Integer(settings, BackoffKey, 200, 0, 60_000)),
            (int)Integer(settings, BatchSizeKey, 500, 1, 100_000),
            ReadAuthorization(settings));
    }

    private static long Integer(PluginSettings settings, string key, long fallback, long min, long max)
    {
        var value = settings.GetInt64(key) ?? fallback;
        return value >= min && value <= max ? value : throw new InvalidOperationException($"`{key}` must be between {min} and {max}, not {value}.");
    }

    private static string? ReadAuthorization(PluginSettings settings)
    {
        var value = settings.GetString(AuthorizationKey);
        if (value is null) return null;
        if (value.Trim().Length == 0)
            throw new InvalidOperationException($"`{AuthorizationKey}` must not be empty (leave it out to send no Authorization header).");
        if (value.Any(char.IsControl))
            throw new InvalidOperationException($"`{AuthorizationKey}` ({SecretText.Obfuscate(value)}) must not contain control characters such as line breaks.");
        return value;
    }

    private bool PrintMembers(System.Text.StringBuilder builder)
    {
        builder.Append($"Url = {DisplayUrl}, Timeout = {Timeout}, Retries = {Retries}, Backoff = {Backoff}, BatchSize = {BatchSize}, ")
            .Append($"Authorization = {(Authorization is null ? "none" : SecretText.Obfuscate(Authorization))}");
        return true;
    }
}
