using SqlProxy.Host.Upstream;
using SqlProxy.Rules;
using SqlProxy.Sdk;

namespace SqlProxy.Host.Pipeline;

/// <summary>One request as it flows through the stages; each stage returns a new copy with what it learnt.</summary>
internal sealed record QueryContext(QueryRequest Request)
{
    public UserIdentity? User { get; init; }

    public UpstreamDatabase? Database { get; init; }

    public string? Sql { get; init; }

    /// <summary>The rule set this request is judged by, copied once so a reload cannot split it.</summary>
    public RuleSet? Rules { get; init; }

    public IReadOnlyList<StatementAnalysis> Statements { get; init; } = [];

    /// <summary>The decision for the request: the first block, else the first statement's allow.</summary>
    public Decision? Decision { get; init; }

    public ExecutionResult? Result { get; init; }

    /// <summary>Result column → labels.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Classifications { get; init; } = new Dictionary<string, IReadOnlyList<string>>();

    public RequestInfo ToRequestInfo() => new(Request.RequestId, User!, Database!.Config.Name, Request.ClientAddress, Request.ReceivedAt);
}
