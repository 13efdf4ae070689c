namespace Sextant.Analysis.Growth;

/// <summary>The measured rates a growth lever can move.</summary>
public enum LeverRate
{
    /// <summary>Share of sign-ups who activate.</summary>
    Activation,
    /// <summary>Share of monthly active users who collaborate (share, comment, invite): invitations bring sign-ups.</summary>
    Collaboration,
    /// <summary>Sign-ups acquired through search and content channels.</summary>
    SearchSignups,
    /// <summary>Month-1 retention of mobile users.</summary>
    MobileRetention,
    /// <summary>Share of team and enterprise users who pay.</summary>
    TeamPaidConversion,
}

/// <summary>
/// A growth lever: the rate it moves, the relative uplift it may bring (low / likely / high), how
/// sure we are that it works, its effort and how long until the full effect.
/// </summary>
/// <param name="Name">Lever name.</param>
/// <param name="Rate">The measured rate it moves.</param>
/// <param name="UpliftLow">Relative uplift of the rate, pessimistic (0.05 = +5%).</param>
/// <param name="UpliftLikely">Most likely relative uplift.</param>
/// <param name="UpliftHigh">Optimistic relative uplift.</param>
/// <param name="Confidence">Probability, 0–1, that the lever works at all.</param>
/// <param name="EffortMonths">Person-months to build it.</param>
/// <param name="RampUpMonths">Months from launch to the full effect (linear ramp).</param>
public sealed record GrowthLever(string Name, LeverRate Rate, double UpliftLow, double UpliftLikely, double UpliftHigh, double Confidence, double EffortMonths, double RampUpMonths)
{
    /// <summary>
    /// The five levers of the demo product's growth plan, with uplift ranges from its planning
    /// notes. They apply only where a scenario or sextant.yaml names them, never by default.
    /// </summary>
    public static IReadOnlyList<GrowthLever> Defaults { get; } =
    [
        new("template discovery", LeverRate.Activation, 0.05, 0.10, 0.20, 0.7, 3, 2),
        new("viral sharing", LeverRate.Collaboration, 0.05, 0.15, 0.30, 0.5, 4, 3),
        new("SEO content", LeverRate.SearchSignups, 0.10, 0.25, 0.50, 0.6, 6, 6) { Values = ["content_seo", "organic"] },
        new("mobile experience", LeverRate.MobileRetention, 0.05, 0.10, 0.20, 0.6, 8, 4) { Values = ["ios", "android"] },
        new("API and integrations", LeverRate.TeamPaidConversion, 0.03, 0.08, 0.15, 0.5, 5, 3) { Values = ["small_team", "enterprise"] },
    ];

    /// <summary>
    /// The profile values the lever reaches (channels, platforms or segments, as its rate reads);
    /// empty for a rate of all users, or when none were configured (the lever then reaches nobody).
    /// </summary>
    public ValueList<string> Values { get; init; }
}
