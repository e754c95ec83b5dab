using SqlProxy.Host.Masking;
using SqlProxy.Host.Plugins;
using SqlProxy.Host.Upstream;
using SqlProxy.Rules;
using SqlProxy.Sdk;

namespace SqlProxy.Host.Pipeline;

/// <summary>One request as it flows through the stages; each stage returns a new copy with what it learnt.</summary>
internal sealed record QueryContext(QueryRequest Request)
{
    public UserIdentity? User { get; init; }

    /// <summary>The user's concurrency slot (<see cref="TrafficLimitStage"/>), released by the pipeline when the request ends.</summary>
    public IDisposable? ConcurrencySlot { get; init; }

    /// <summary>The plugins this request calls, held by the pipeline's lease until the request ends.</summary>
    public PluginSnapshot? Plugins { get; init; }

    public UpstreamDatabase? Database { get; init; }

    public string? Sql { get; init; }

    /// <summary>The rule set this request is judged by, copied once so a reload cannot split it.</summary>
    public RuleSet? Rules { get; init; }

    public IReadOnlyList<StatementAnalysis> Statements { get; init; } = [];

    /// <summary>The decision for the request: the first block, else the first statement's allow.</summary>
    public Decision? Decision { get; init; }

    /// <summary>Each statement's own decision, in statement order: its masks, row filters and row limit.</summary>
    public IReadOnlyList<Decision> StatementDecisions { get; init; } = [];

    /// <summary>For a dry run, each statement's trace of the rules consulted; empty otherwise.</summary>
    public IReadOnlyList<IReadOnlyList<TraceEntry>> Traces { get; init; } = [];

    /// <summary>Each statement as it runs: merged with its row filters. Empty until planned.</summary>
    public IReadOnlyList<string> ExecutedSql { get; init; } = [];

    /// <summary>The most rows the result returns, and the limit rule that set it.</summary>
    public RowCap? RowCap { get; init; }

    public ExecutionResult? Result { get; init; }

    /// <summary>Result column → labels.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Classifications { get; init; } = new Dictionary<string, IReadOnlyList<string>>();

    /// <summary>False when a classifier failed: labels may be missing, so label masks cannot be trusted to find their columns.</summary>
    public bool ClassificationComplete { get; init; } = true;

    /// <summary>The result columns whose values were masked, in result order.</summary>
    public IReadOnlyList<MaskedColumn> MaskedColumns { get; init; } = [];

    public RequestInfo ToRequestInfo() => new(Request.RequestId, User!, Database!.Config.Name, Request.ClientAddress, Request.ReceivedAt);
}
