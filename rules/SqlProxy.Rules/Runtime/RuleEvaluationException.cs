namespace SqlProxy.Rules.Runtime;

/// <summary>A condition could not be evaluated for a request (e.g. an attribute compared with a number is not a number).</summary>
sealed class RuleEvaluationException(string message) : Exception(message);
