using Sextant.Events;

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
    public IReadOnlyList<string> Values { get; init; } = [];

    /// <summary>Equal when every field and the values, in order, are equal.</summary>
    public bool Equals(GrowthLever? other) =>
        other is not null && (Name, Rate, UpliftLow, UpliftLikely, UpliftHigh, Confidence, EffortMonths, RampUpMonths)
            == (other.Name, other.Rate, other.UpliftLow, other.UpliftLikely, other.UpliftHigh, other.Confidence, other.EffortMonths, other.RampUpMonths)
        && Values.SequenceEqual(other.Values);

    /// <summary>A hash of the fields and the values.</summary>
    public override int GetHashCode() => HashCode.Combine(Name, Rate, UpliftLikely, Values.Count);

    /// <summary>The levers of <c>growth.levers</c> in sextant.yaml; none when none are listed.</summary>
    public static IReadOnlyList<GrowthLever> FromConfig(Configuration.GrowthConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        return config.Levers.Select(l => new GrowthLever(l.Name, l.Moves switch
        {
            "collaboration" => LeverRate.Collaboration,
            "search_signups" => LeverRate.SearchSignups,
            "mobile_retention" => LeverRate.MobileRetention,
            "team_paid_conversion" => LeverRate.TeamPaidConversion,
            _ => LeverRate.Activation,
        }, l.Uplift[0], l.Uplift[1], l.Uplift[2], l.Confidence, l.EffortMonths, l.RampUpMonths)
        { Values = l.Values }).ToList();
    }

    /// <summary>This lever as an item of <c>growth.levers</c>.</summary>
    public Configuration.GrowthLeverConfig ToConfig() => new()
    {
        Name = Name,
        Moves = Configuration.GrowthLeverConfig.Rates[(int)Rate],
        Uplift = [UpliftLow, UpliftLikely, UpliftHigh],
        Confidence = Confidence,
        EffortMonths = EffortMonths,
        RampUpMonths = RampUpMonths,
        Values = Values,
    };

    /// <summary>
    /// Warnings for levers of <c>growth.levers</c> that reach nobody: a lever whose rate reads
    /// channels, platforms or segments but names none, or names values no user's profile has.
    /// </summary>
    /// <param name="table">The store's profiles.</param>
    /// <param name="levers">The levers.</param>
    public static IReadOnlyList<string> ConfigWarnings(EventTable table, IReadOnlyList<GrowthLever> levers)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(levers);
        var warnings = new List<string>();
        foreach (var lever in levers)
        {
            var moves = Configuration.GrowthLeverConfig.Rates[(int)lever.Rate];
            if (Configuration.GrowthLeverConfig.DimensionKey(moves) is not var (key, attribute)) continue;
            if (lever.Values.Count == 0)
            {
                warnings.Add($"growth.levers '{lever.Name}' moves {moves} but names no {key}: it reaches nobody (set {key}: the {attribute} values it reaches)");
                continue;
            }
            var known = table.Attributes[attribute]?.Values ?? [];
            var missing = lever.Values.Where(v => !known.Contains(v, StringComparer.Ordinal)).ToList();
            if (missing.Count == 0) continue;
            var listed = known.Length == 0 ? $"no user has a {attribute}" : $"known: {string.Join(", ", known.Order(StringComparer.Ordinal).Take(10))}";
            warnings.Add($"growth.levers '{lever.Name}' {key} names {(missing.Count == 1 ? "a value" : "values")} no user's {attribute} has: {string.Join(", ", missing.Select(v => $"'{v}'"))} ({listed}); {(missing.Count == lever.Values.Count ? "it reaches nobody" : "they count 0")}");
        }
        return warnings;
    }
}
