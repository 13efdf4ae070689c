namespace Sextant.Synthetic;

/// <summary>
/// Parameters of the scale scenario: one month of a large product (seed document 003's
/// "1 million monthly active users"), every user active at least once, for benchmarks.
/// </summary>
public sealed record ScaleScenario
{
    /// <summary>Monthly active users.</summary>
    public int Users { get; init; } = 1_000_000;

    /// <summary>First day of the month of data.</summary>
    public DateOnly From { get; init; } = new(2025, 11, 1);

    /// <summary>Days of data.</summary>
    public int Days { get; init; } = 30;

    /// <summary>Seed of every random draw.</summary>
    public long Seed { get; init; } = 42;

    /// <summary>Median active days per user in the month (log-normal across users, at least one).</summary>
    public double MedianActiveDays { get; init; } = 3;

    /// <summary>Log-normal sigma of the active days across users.</summary>
    public double ActiveDaysSigma { get; init; } = 0.9;

    /// <summary>Mean events per session.</summary>
    public double EventsPerSession { get; init; } = 3;
}
