using System.Net;
using SqlProxy.Host.Auth;
using SqlProxy.Host.Configuration;

namespace SqlProxy.Host.Pipeline;

/// <summary>
/// Establishes who is asking, from the bearer API key (<see cref="ClientAuthenticator"/>: lockout, key, allowed
/// networks). The admin token is not a user and is refused here. The body's <c>user</c> field is ignored unless the
/// dev-only setting <c>server.trust_user_field</c> is on.
/// </summary>
internal sealed class AuthenticateStage(ClientAuthenticator authenticator, ServerConfig server) : IQueryStage
{
    public string Name => "authenticate";

    public ValueTask<StageResult> RunAsync(QueryContext context, CancellationToken cancellationToken)
    {
        var claimed = context.Request.Body?.User;
        var client = IPAddress.TryParse(context.Request.ClientAddress, out var address) ? address : null;
        var result = authenticator.Authenticate(
            context.Request.AuthorizationHeader,
            client,
            acceptAdminToken: false,
            trustedUserName: server.TrustUserField && !string.IsNullOrEmpty(claimed) ? claimed : null);
        context = context with { User = result.User };
        return ValueTask.FromResult(result.Refusal is { } refusal
            ? StageResult.Stop(context, new QueryFailure(refusal.StatusCode, refusal.Code, refusal.Message) { RetryAfter = refusal.RetryAfter })
            : StageResult.Next(context));
    }
}
