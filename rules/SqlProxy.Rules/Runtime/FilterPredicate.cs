using SqlProxy.Sdk;

namespace SqlProxy.Rules.Runtime;

/// <summary>A row filter's SQL with its placeholders replaced by <c>$1</c>, <c>$2</c>, …, and what each stands for, in order.</summary>
sealed record FilterPredicate(string Sql, IReadOnlyList<RequestValue> Values)
{
    /// <summary>Reads the placeholders' values from the request; false, with the reason, when one is missing.</summary>
    public bool TryBind(RequestInfo request, out string[] values, out string? failure)
    {
        values = new string[Values.Count];
        failure = null;
        for (var i = 0; i < values.Length; i++)
        {
            if (Values[i].Read(request, out failure) is not { } value)
                return false;
            values[i] = value;
        }
        return true;
    }
}
