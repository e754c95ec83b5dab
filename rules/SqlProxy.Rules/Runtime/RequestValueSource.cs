namespace SqlProxy.Rules.Runtime;

/// <summary>Where a row filter's placeholder takes its value from.</summary>
enum RequestValueSource
{
    /// <summary><c>{user.name}</c>.</summary>
    UserName,

    /// <summary><c>{user.attributes.&lt;key&gt;}</c>.</summary>
    UserAttribute,

    /// <summary><c>{request.database}</c>.</summary>
    Database,
}
