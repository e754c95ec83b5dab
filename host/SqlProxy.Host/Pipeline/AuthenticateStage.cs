using SqlProxy.Host.Auth;
using SqlProxy.Host.Configuration;

namespace SqlProxy.Host.Pipeline;

/// <summary>
/// Establishes who is asking, from the bearer API key. The body's <c>user</c> field is ignored
/// unless the dev-only setting <c>server.trust_user_field</c> is on.
/// </summary>
internal sealed class AuthenticateStage(ApiKeyAuthenticator authenticator, ServerConfig server) : IQueryStage
{
    public string Name => "authenticate";

    public ValueTask<StageResult> RunAsync(QueryContext context, CancellationToken cancellationToken)
    {
        var claimed = context.Request.Body?.User;
        var user = server.TrustUserField && !string.IsNullOrEmpty(claimed)
            ? authenticator.FindByName(claimed)
            : authenticator.Authenticate(context.Request.AuthorizationHeader);
        return ValueTask.FromResult(user is null
            ? StageResult.Stop(context, new QueryFailure(401, "UNAUTHENTICATED", "a valid API key is required: send `Authorization: Bearer <key>`"))
            : StageResult.Next(context with { User = user }));
    }
}
