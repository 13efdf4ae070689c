using Sextant.Analysis;
using Sextant.Analysis.Growth;
using Sextant.Events;

namespace Sextant.Configuration.Queries;

/// <summary>The growth query and levers sextant.yaml describes.</summary>
public static class GrowthQueries
{
    /// <summary>
    /// The growth model of sextant.yaml: its levers on the project's engagement, retention and
    /// revenue, with business.mau and business.growth.
    /// </summary>
    /// <param name="config">The project's settings.</param>
    /// <param name="draws">Monte Carlo draws.</param>
    /// <param name="seed">Random seed.</param>
    public static GrowthQuery FromConfig(SextantConfig config, int draws = 10_000, int seed = 42)
    {
        ArgumentNullException.ThrowIfNull(config);
        return new GrowthQuery(
            EngagementQueries.FromConfig(config),
            RetentionQueries.FromConfig(config),
            RevenueQueries.FromConfig(config),
            ValueList.From(Levers(config.Growth)),
            config.Business.Mau,
            config.Business.Growth,
            draws,
            seed);
    }

    /// <summary>The levers of <c>growth.levers</c> in sextant.yaml; none when none are listed.</summary>
    public static IReadOnlyList<GrowthLever> Levers(GrowthConfig config)
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
        { Values = ValueList.From(l.Values) }).ToList();
    }

    /// <summary>A lever as an item of <c>growth.levers</c>.</summary>
    public static GrowthLeverConfig ToConfig(GrowthLever lever)
    {
        ArgumentNullException.ThrowIfNull(lever);
        return new()
        {
            Name = lever.Name,
            Moves = GrowthLeverConfig.Rates[(int)lever.Rate],
            Uplift = [lever.UpliftLow, lever.UpliftLikely, lever.UpliftHigh],
            Confidence = lever.Confidence,
            EffortMonths = lever.EffortMonths,
            RampUpMonths = lever.RampUpMonths,
            Values = [.. lever.Values],
        };
    }

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
            var moves = GrowthLeverConfig.Rates[(int)lever.Rate];
            if (GrowthLeverConfig.DimensionKey(moves) is not var (key, attribute)) continue;
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
