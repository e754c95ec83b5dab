namespace SqlProxy.Rules.Compilation;

/// <summary>The static type of an expression in a condition.</summary>
enum ValueKind
{
    Condition,
    Text,
    Number,
    TextList,
    NumberList,

    /// <summary><c>request.time</c>: compared with a time of day written <c>'09:00'</c>.</summary>
    TimeOfDay,

    /// <summary><c>request.weekday</c>: compared with <c>'mon'</c> … <c>'sun'</c>.</summary>
    Weekday,

    /// <summary><c>request.client_address</c>: matched against networks with <c>in</c>.</summary>
    Address,

    /// <summary><c>statement.kind</c>: compared with action words.</summary>
    StatementKind,
}
