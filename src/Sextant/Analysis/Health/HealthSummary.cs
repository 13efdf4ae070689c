namespace Sextant.Analysis.Health;

/// <summary>
/// A <see cref="HealthResult"/> without its per-user rows: what <c>sextant health --json</c> prints
/// and the API answers (docs/JSON.md, Health); the rows go to <c>user_health.csv</c>.
/// </summary>
/// <param name="DataEndDay">The data end's local calendar day, yyyy-MM-dd.</param>
/// <param name="Population">Who was scored, in words.</param>
/// <param name="Users">The number of scored users.</param>
/// <param name="MeanScore">Mean score of the scored users (0–100).</param>
/// <param name="AtRisk">Scored users flagged at risk.</param>
/// <param name="ExpansionReady">Scored users flagged expansion-ready.</param>
/// <param name="Segments">Counts per segment, most users first.</param>
/// <param name="Deciles">The 10th, 20th, …, 90th percentiles of the score.</param>
/// <param name="Histogram">Users per 10-point score band.</param>
/// <param name="Warnings">Names from sextant.yaml that the store does not contain, one line each.</param>
/// <param name="Groups">Counts per breakdown group; empty without a breakdown.</param>
public sealed record HealthSummary(
    string DataEndDay,
    string Population,
    int Users,
    double MeanScore,
    long AtRisk,
    long ExpansionReady,
    IReadOnlyList<SegmentHealth> Segments,
    IReadOnlyList<double> Deciles,
    IReadOnlyList<long> Histogram,
    IReadOnlyList<string> Warnings,
    IReadOnlyList<HealthGroup> Groups)
{
    /// <summary>The summary of <paramref name="health"/>.</summary>
    public static HealthSummary Of(HealthResult health)
    {
        ArgumentNullException.ThrowIfNull(health);
        return new HealthSummary(health.DataEndDay, health.Population, health.Users.Count, health.MeanScore, health.AtRisk, health.ExpansionReady,
            health.Segments, health.Deciles, health.Histogram, health.Warnings, health.Groups);
    }
}
