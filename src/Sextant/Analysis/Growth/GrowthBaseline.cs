using Sextant.Analysis.Engagement;
using Sextant.Analysis.Retention;
using Sextant.Analysis.Revenue;
using Sextant.Events;

namespace Sextant.Analysis.Growth;

/// <summary>One measured rate and the share of monthly active users it applies to.</summary>
/// <param name="Rate">The rate.</param>
/// <param name="Baseline">Its measured value.</param>
/// <param name="AudienceShare">Share of the final month's active users the lever reaches.</param>
/// <param name="Definition">How both were measured.</param>
public sealed record RateBaseline(LeverRate Rate, double Baseline, double AudienceShare, string Definition);

/// <summary>
/// Baselines measured from the data: annual revenue of the last 12 complete months — scaled to
/// the business (business.mau / sample MAU, labelled extrapolated) only when business.mau is set
/// — and for each rate its value and audience.
/// </summary>
/// <param name="SampleAnnualRevenue">Revenue of the last 12 complete months in the data.</param>
/// <param name="SampleMau">Monthly active users (rolling 30 days) at the data end.</param>
/// <param name="ScaleFactor">business.mau / sample MAU; 1 when business.mau is not set.</param>
/// <param name="AnnualRevenue">Sample annual revenue × scale factor: the revenue the levers act on.</param>
/// <param name="Rates">Per rate, its baseline and audience.</param>
public sealed record GrowthBaseline(double SampleAnnualRevenue, long SampleMau, double ScaleFactor, double AnnualRevenue, IReadOnlyList<RateBaseline> Rates)
{
    /// <summary>business.mau when it was set (the money figures are then extrapolated), else null (they are the sample's).</summary>
    public double? BusinessMau { get; init; }

    /// <summary>True when the money figures are scaled to business.mau rather than the sample's own.</summary>
    public bool Extrapolated => BusinessMau is not null;

    /// <summary>Measures the baselines; <paramref name="businessMau"/> null keeps every money figure at the sample's scale.</summary>
    /// <param name="table">The store's events and profiles.</param>
    /// <param name="engagement">Engagement, for activation and the collaboration events.</param>
    /// <param name="retention">Retention, for month-1 retention.</param>
    /// <param name="revenue">Revenue, for the annual revenue.</param>
    /// <param name="businessMau">business.mau, or null.</param>
    /// <param name="levers">
    /// The levers, whose <see cref="GrowthLever.Values"/> name the channels, platforms and segments
    /// a rate reads (all levers of a rate together); a rate no lever names values for reaches nobody.
    /// </param>
    public static GrowthBaseline Measure(EventTable table, EngagementResult engagement, RetentionResult retention, RevenueResult revenue, double? businessMau, IReadOnlyList<GrowthLever>? levers = null)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(engagement);
        ArgumentNullException.ThrowIfNull(retention);
        ArgumentNullException.ThrowIfNull(revenue);
        var sampleMau = engagement.Mau.Count == 0 ? 0 : engagement.Mau[^1].Users;
        var annual = revenue.Months.Where(m => m.Complete).TakeLast(12).Sum(m => m.Revenue);
        var factor = businessMau is not { } mau ? 1 : sampleMau == 0 ? 0 : mau / sampleMau;

        // Who was active in the final 30 days, and their profile.
        var dataEnd = table.MaxTimestamp;
        var recent = RecentUsers.Mask(table, dataEnd);
        var actives = recent.Count(r => r);
        // The channels, platforms and segments come from the levers' configuration, never from a product assumed here.
        string[] ValuesOf(LeverRate rate) => (levers ?? []).Where(l => l.Rate == rate).SelectMany(l => l.Values).Distinct(StringComparer.Ordinal).ToArray();
        var searchChannels = ValuesOf(LeverRate.SearchSignups);
        var mobilePlatforms = ValuesOf(LeverRate.MobileRetention);
        var teamSegments = ValuesOf(LeverRate.TeamPaidConversion);
        double Share(string attribute, string[] values)
        {
            var column = table.Attributes[attribute];
            if (column is null || actives == 0) return 0;
            var count = 0;
            for (var user = 0; user < recent.Length; user++)
                if (recent[user] && column[user] is { } value && values.Contains(value)) count++;
            return count / (double)actives;
        }
        // The project's own collaboration events (north_star.collaboration_events), not the demo's.
        var collaborators = CollaboratorShare(table, engagement.NorthStar.CollaborationEvents, recent, dataEnd);
        var teamPaying = TeamPaidShare(table, teamSegments);
        var monthOne = retention.Average.Count > 1 ? retention.Average[1].Rate : 0;
        return new GrowthBaseline(annual, sampleMau, factor, annual * factor,
        [
            new(LeverRate.Activation, engagement.Activation.Rate, NewUserShare(table, recent, dataEnd, actives), "activation rate; audience: active users who signed up in the last 12 months"),
            new(LeverRate.Collaboration, collaborators, collaborators, "share of the last 30 days' active users who shared, commented or invited; audience: those users"),
            new(LeverRate.SearchSignups, Share("channel", searchChannels), Share("channel", searchChannels), $"share of active users acquired through {Named(searchChannels, "channels")}; audience: those users"),
            new(LeverRate.MobileRetention, monthOne, Share("platform", mobilePlatforms), $"month-1 retention; audience: active users on {Named(mobilePlatforms, "platforms")}"),
            new(LeverRate.TeamPaidConversion, teamPaying, Share("segment", teamSegments), $"share of {Named(teamSegments, "segments")} users with a paying subscription; audience: those active users"),
        ])
        { BusinessMau = businessMau };
    }

    private static double NewUserShare(EventTable table, bool[] recent, long dataEnd, int actives)
    {
        if (actives == 0) return 0;
        var count = 0;
        for (var user = 0; user < recent.Length; user++)
            if (recent[user] && table.SignupAt[user] > dataEnd - 365 * Timestamp.MicrosPerDay) count++;
        return count / (double)actives;
    }

    private static double CollaboratorShare(EventTable table, IReadOnlyList<string> collaborationEvents, bool[] recent, long dataEnd)
    {
        var codes = collaborationEvents.Select(table.EventCode).Where(c => c >= 0).ToHashSet();
        int actives = 0, collaborators = 0;
        for (var user = 0; user < recent.Length; user++)
        {
            if (!recent[user]) continue;
            actives++;
            for (var row = table.UserOffsets[user + 1] - 1; row >= table.UserOffsets[user] && table.Timestamps[row] > dataEnd - 30 * Timestamp.MicrosPerDay; row--)
                if (codes.Contains(table.EventCodes[row])) { collaborators++; break; }
        }
        return actives == 0 ? 0 : collaborators / (double)actives;
    }

    /// <summary>"a or b", or "no configured KEY" when a lever names none.</summary>
    private static string Named(string[] values, string key) => values.Length == 0 ? $"no configured {key}" : string.Join(" or ", values);

    private static double TeamPaidShare(EventTable table, string[] teamSegments)
    {
        var segment = table.Attributes["segment"];
        if (segment is null) return 0;
        var paying = new HashSet<int>();
        for (var i = 0; i < table.Subscriptions.Count; i++)
            if (table.Subscriptions.Pays(i)) paying.Add(table.Subscriptions.User[i]);
        int team = 0, teamPaying = 0;
        for (var user = 0; user < table.SignedUpUserCount; user++)
        {
            if (segment[user] is not { } value || !teamSegments.Contains(value)) continue;
            team++;
            if (paying.Contains(user)) teamPaying++;
        }
        return team == 0 ? 0 : teamPaying / (double)team;
    }
}
