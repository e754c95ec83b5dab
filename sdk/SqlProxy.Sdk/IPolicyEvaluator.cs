namespace SqlProxy.Sdk;

/// <summary>
/// Judges each statement alongside the rules. An evaluator can only refuse: a statement runs when the rules allow it
/// and no evaluator blocks it, and a block names the evaluator.
/// </summary>
public interface IPolicyEvaluator
{
    /// <summary>The evaluator's name, as the decision and logs report it.</summary>
    string Name { get; }

    /// <summary>Judges one statement of a request.</summary>
    /// <param name="input">Who asks, and what the statement does.</param>
    /// <param name="cancellationToken">Cancelled when the request is abandoned or the evaluator runs past its time.</param>
    /// <returns>
    /// <see cref="PolicyVerdict.Abstain"/> to leave the decision to the rules, or <see cref="PolicyVerdict.Block"/>
    /// with a reason. A fault or a timeout counts as a block.
    /// </returns>
    ValueTask<PolicyVerdict> EvaluateAsync(PolicyInput input, CancellationToken cancellationToken);
}
