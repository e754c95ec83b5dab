namespace SqlProxy.Rules.Runtime;

/// <summary>One placeholder of a row filter's predicate: a value read from the request when the filter applies.</summary>
/// <param name="Source">What is read.</param>
/// <param name="Key">The attribute's key, for <see cref="RequestValueSource.UserAttribute"/>.</param>
sealed record RequestValue(RequestValueSource Source, string? Key)
{
    /// <summary>The value, or null with the reason in <paramref name="failure"/> when the request does not have it.</summary>
    public string? Read(SqlProxy.Sdk.RequestInfo request, out string? failure)
    {
        failure = null;
        string? value = Source switch
        {
            RequestValueSource.UserName => request.User.Name,
            RequestValueSource.Database => request.Database,
            _ => RuntimeAccessors.Attribute(request, Key!),
        };
        if (value is null)
            failure = Source == RequestValueSource.UserAttribute
                ? $"the user has no attribute `{Parsing.Literals.Clip(Key!)}`"
                : $"the request has no value for `{this}`";
        return value;
    }

    /// <summary>The placeholder as written, e.g. <c>{user.attributes.region}</c>.</summary>
    public override string ToString() => Source switch
    {
        RequestValueSource.UserName => "{user.name}",
        RequestValueSource.Database => "{request.database}",
        _ => $"{{user.attributes.{Parsing.Literals.FormatName(Key!)}}}",
    };
}
