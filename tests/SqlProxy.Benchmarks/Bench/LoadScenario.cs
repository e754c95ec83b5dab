namespace SqlProxy.Benchmarks.Bench;

/// <summary>One kind of request in a load mix.</summary>
/// <param name="Name">How the report names it.</param>
/// <param name="Send">Sends one request; returns null when it got the expected answer, else what was wrong.</param>
internal sealed record LoadScenario(string Name, Func<CancellationToken, Task<string?>> Send);
