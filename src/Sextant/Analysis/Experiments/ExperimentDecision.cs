using System.Text.Json.Serialization;

namespace Sextant.Analysis.Experiments;

/// <summary>
/// What an experiment's verdict says to do. Serialized as the snake_case codes ship, dont_ship,
/// keep_running and inconclusive, whatever the serializer's naming policy.
/// </summary>
[JsonConverter(typeof(JsonStringEnumConverter<ExperimentDecision>))]
public enum ExperimentDecision
{
    /// <summary>A treatment is significantly better on the primary metric and no guardrail is harmed.</summary>
    [JsonStringEnumMemberName("ship")]
    Ship,
    /// <summary>A guardrail is harmed, or the treatments are significantly worse on the primary metric.</summary>
    [JsonStringEnumMemberName("dont_ship")]
    DontShip,
    /// <summary>No significant difference yet, and the interval still allows an effect of the minimum size.</summary>
    [JsonStringEnumMemberName("keep_running")]
    KeepRunning,
    /// <summary>No effect of the minimum size, or a sample-ratio mismatch makes the results untrustworthy.</summary>
    [JsonStringEnumMemberName("inconclusive")]
    Inconclusive,
}

/// <summary>The codes of <see cref="ExperimentDecision"/>.</summary>
public static class ExperimentDecisions
{
    /// <summary>ship, dont_ship, keep_running or inconclusive: the decision as JSON writes it.</summary>
    public static string Code(this ExperimentDecision decision) => decision switch
    {
        ExperimentDecision.Ship => "ship",
        ExperimentDecision.DontShip => "dont_ship",
        ExperimentDecision.KeepRunning => "keep_running",
        ExperimentDecision.Inconclusive => "inconclusive",
        _ => throw new ArgumentOutOfRangeException(nameof(decision), decision, null),
    };
}
