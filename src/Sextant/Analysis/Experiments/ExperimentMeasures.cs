namespace Sextant.Analysis.Experiments;

/// <summary>
/// Sufficient statistics of one metric over a set of users: the value y, a second column x (a
/// ratio's denominator, or the CUPED pre-exposure covariate; 0 otherwise), their squares and
/// cross product. A SQL engine returns them as COUNT, SUM(y), SUM(y*y), SUM(x), SUM(x*x), SUM(x*y).
/// </summary>
/// <param name="N">Eligible users.</param>
/// <param name="Sum">Σy.</param>
/// <param name="SumSquares">Σy².</param>
/// <param name="SecondSum">Σx.</param>
/// <param name="SecondSumSquares">Σx².</param>
/// <param name="CrossSum">Σxy.</param>
public sealed record MetricSums(long N, double Sum, double SumSquares, double SecondSum, double SecondSumSquares, double CrossSum);

/// <summary>One metric's sums per arm.</summary>
/// <param name="Metric">The metric as written.</param>
/// <param name="ZeroOne">True when every value the metric can take is 0 or 1 (its variance is then p(1 − p)).</param>
/// <param name="Arms">Sums per arm, in the order of <see cref="ExperimentMeasures.Variants"/>.</param>
public sealed record MetricMeasures(string Metric, bool ZeroOne, IReadOnlyList<MetricSums> Arms);

/// <summary>One breakdown group of a segment set: its values, its size and every metric's sums per arm among its users.</summary>
/// <param name="Values">The group's value of each dimension ("(none)" when a user has none).</param>
/// <param name="Users">Signed-up users in the group (exposed or not, within the cohort filter): what groups are ranked by.</param>
/// <param name="Metrics">Sums per metric (in the order of <see cref="ExperimentMeasures.Metrics"/>) and arm.</param>
public sealed record SegmentGroupMeasures(ValueList<string> Values, long Users, IReadOnlyList<IReadOnlyList<MetricSums>> Metrics);

/// <summary>Every group of one segment set (no top-N: the shaper merges small groups into Other).</summary>
/// <param name="Breakdowns">The dimensions crossed.</param>
/// <param name="Groups">Every group with at least one signed-up user or exposure.</param>
public sealed record SegmentMeasures(ValueList<Breakdown> Breakdowns, IReadOnlyList<SegmentGroupMeasures> Groups);

/// <summary>What an engine returns for an <see cref="ExperimentQuery"/>.</summary>
/// <param name="Variants">The variants, control first, then the others by name.</param>
/// <param name="ArmUsers">Users analysed per arm (first exposure in the range, one variant only), for the sample-ratio check.</param>
/// <param name="ExcludedMultipleExposure">Users in the range exposed to more than one variant, left out.</param>
/// <param name="DataEnd">The last instant seen (UTC µs); null when the store has no events and the range no end.</param>
/// <param name="Metrics">Each measured metric (<see cref="ExperimentQuery.MeasuredMetrics"/>), in that order.</param>
/// <param name="Segments">Each segment set (<see cref="ExperimentQuery.SegmentSets"/>), in that order.</param>
public sealed record ExperimentMeasures(IReadOnlyList<string> Variants, IReadOnlyList<long> ArmUsers, long ExcludedMultipleExposure, long? DataEnd,
    IReadOnlyList<MetricMeasures> Metrics, IReadOnlyList<SegmentMeasures> Segments);
