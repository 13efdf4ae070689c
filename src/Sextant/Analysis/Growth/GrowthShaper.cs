namespace Sextant.Analysis.Growth;

/// <summary>
/// Turns the measured inputs into baselines — annual revenue of the last 12 complete months,
/// scaled to the business (business.mau / sample MAU, labelled extrapolated) only when
/// business.mau is set, and for each rate its value and audience — and models the levers on them.
/// </summary>
public static partial class GrowthShaper
{
    /// <summary>The result of <paramref name="query"/> from its measures.</summary>
    /// <exception cref="SextantException">A lever with an uplift range out of order, or a confidence outside 0–1.</exception>
    public static GrowthResult Shape(GrowthQuery query, GrowthMeasures measures)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(measures);
        return Model(Baseline(query, measures), query.Levers, query.YearlyGrowth, query.Draws, query.Seed);
    }

    /// <summary>
    /// The baselines. The levers' <see cref="GrowthLever.Values"/> name the channels, platforms
    /// and segments a rate reads (all levers of a rate together); a rate no lever names values for reaches nobody.
    /// </summary>
    public static GrowthBaseline Baseline(GrowthQuery query, GrowthMeasures measures)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(measures);
        var sampleMau = measures.SampleMau;
        var annual = measures.SampleAnnualRevenue;
        var factor = query.BusinessMau is not { } mau ? 1 : sampleMau == 0 ? 0 : mau / sampleMau;
        var actives = measures.RecentUsers;
        // The channels, platforms and segments come from the levers' configuration, never from a product assumed here.
        string[] ValuesOf(LeverRate rate) => query.Levers.Where(l => l.Rate == rate).SelectMany(l => l.Values).Distinct(StringComparer.Ordinal).ToArray();
        var searchChannels = ValuesOf(LeverRate.SearchSignups);
        var mobilePlatforms = ValuesOf(LeverRate.MobileRetention);
        var teamSegments = ValuesOf(LeverRate.TeamPaidConversion);
        double Share(string attribute, string[] values)
        {
            if (actives == 0) return 0;
            var count = measures.RecentByValue.Where(c => c.Attribute == attribute && values.Contains(c.Value)).Sum(c => c.Users);
            return count / (double)actives;
        }
        var collaborators = actives == 0 ? 0 : measures.RecentCollaborators / (double)actives;
        var team = measures.UsersBySegment.Where(c => teamSegments.Contains(c.Value)).ToList();
        var teamUsers = team.Sum(c => c.Users);
        var teamPaying = teamUsers == 0 ? 0 : team.Sum(c => c.Paying) / (double)teamUsers;
        var newUsers = actives == 0 ? 0 : measures.RecentNewUsers / (double)actives;
        return new GrowthBaseline(annual, sampleMau, factor, annual * factor,
        [
            new(LeverRate.Activation, measures.ActivationRate, newUsers, "activation rate; audience: active users who signed up in the last 12 months"),
            new(LeverRate.Collaboration, collaborators, collaborators, "share of the last 30 days' active users who shared, commented or invited; audience: those users"),
            new(LeverRate.SearchSignups, Share("channel", searchChannels), Share("channel", searchChannels), $"share of active users acquired through {Named(searchChannels, "channels")}; audience: those users"),
            new(LeverRate.MobileRetention, measures.MonthOneRetention, Share("platform", mobilePlatforms), $"month-1 retention; audience: active users on {Named(mobilePlatforms, "platforms")}"),
            new(LeverRate.TeamPaidConversion, teamPaying, Share("segment", teamSegments), $"share of {Named(teamSegments, "segments")} users with a paying subscription; audience: those active users"),
        ])
        { BusinessMau = query.BusinessMau };
    }

    /// <summary>"a or b", or "no configured KEY" when a lever names none.</summary>
    private static string Named(string[] values, string key) => values.Length == 0 ? $"no configured {key}" : string.Join(" or ", values);
}
