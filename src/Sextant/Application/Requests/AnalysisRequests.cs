namespace Sextant.Application.Requests;

/// <summary>Every analysis a query document can name (<c>"analysis": "funnel"</c>), by name.</summary>
public static class AnalysisRequests
{
    /// <summary>The funnel and the lifecycle funnel.</summary>
    public static FunnelRequest Funnel { get; } = new();

    /// <summary>All of them, in the order docs/SERVER.md lists them.</summary>
    public static IReadOnlyList<IAnalysisRequest> All { get; } = [Funnel];

    /// <summary>The analysis of that name.</summary>
    /// <exception cref="SextantException">No analysis has the name; the message lists them.</exception>
    public static IAnalysisRequest Named(string name) =>
        All.FirstOrDefault(r => r.Name == name)
        ?? throw RequestParameters.Invalid("analysis", $"no analysis named '{name}' (analyses: {string.Join(", ", All.Select(r => r.Name))})");
}
