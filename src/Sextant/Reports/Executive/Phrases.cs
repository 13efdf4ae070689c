using Sextant.Analysis.Experiments;
using Sextant.Analysis.Funnels;
using Sextant.Analysis.Growth;

namespace Sextant.Reports.Executive;

/// <summary>Wordings several sections share, so that the summary and the recommendations quote a finding exactly as its section does.</summary>
internal static class Phrases
{
    /// <summary>"Activation → Engagement: 53.3% lost (1,191 of 2,236)".</summary>
    public static RichText Drop(Drop drop) =>
        RichText.Of($"{Fig.Name(drop.From.Name)} → {Fig.Name(drop.To.Name)}: {Fig.Complement(drop.To.ConversionFromPrevious)} lost ({Fig.Count(drop.To.DropOff)} of {Fig.Count(drop.From.Users)})");

    /// <summary>"enterprise 20.5% [16.1%, 25.8%]".</summary>
    public static RichText Group(FunnelBreakdown group) =>
        RichText.Of($"{Fig.Name(group.Value)} {Fig.RateWithInterval(group.OverallConversion, GroupContrast.Low(group), GroupContrast.High(group))}");

    /// <summary>Two sentences: the best and the worst value, each said to be clear or not.</summary>
    public static IReadOnlyList<RichText> Contrast(GroupContrast contrast, string noun)
    {
        var best = contrast.BestIsClear
            ? RichText.Of($"Best {Fig.Text(noun)}: {Group(contrast.Best)}; its interval lies above every other {Fig.Text(noun)}'s.").As(Tone.Positive)
            : RichText.Of($"No clear best {Fig.Text(noun)}: {Group(contrast.Best)} is highest, but its interval overlaps another {Fig.Text(noun)}'s.");
        var worst = contrast.WorstIsClear
            ? RichText.Of($"Worst {Fig.Text(noun)}: {Group(contrast.Worst)}; its interval lies below every other {Fig.Text(noun)}'s.").As(Tone.Negative)
            : RichText.Of($"No clear worst {Fig.Text(noun)}: {Group(contrast.Worst)} is lowest, but its interval overlaps another {Fig.Text(noun)}'s.");
        return [best, worst];
    }

    /// <summary>"P10 1,234 / P50 5,678 / P90 9,876 USD".</summary>
    public static RichText Range(double p10, double p50, double p90, string currency) =>
        RichText.Of($"P10 {Fig.Money(p10)} / P50 {Fig.Money(p50)} / P90 {Fig.Money(p90)}{Currency(currency)}");

    /// <summary>"template discovery (rank 1): P10 … first-year revenue, modelled and extrapolated".</summary>
    public static RichText Lever(LeverImpact lever, string currency) =>
        RichText.Of($"{Fig.Name(lever.Lever)} (rank {Fig.Count(lever.Rank)}): {Range(lever.P10, lever.P50, lever.P90, currency)} first-year revenue (modelled, extrapolated)");

    /// <summary>" USD" after an amount, or nothing when the results name no currency.</summary>
    public static RichText Currency(string currency) => currency.Length == 0 ? Fig.Text("") : RichText.Of($" {Fig.Name(currency)}");

    /// <summary>ship → "ship", dont_ship → "don't ship", keep_running → "keep running".</summary>
    public static string Decision(ExperimentDecision decision) => decision switch
    {
        ExperimentDecision.Ship => "ship",
        ExperimentDecision.DontShip => "don't ship",
        ExperimentDecision.KeepRunning => "keep running",
        ExperimentDecision.Inconclusive => "inconclusive",
        _ => decision.Code().Replace('_', ' '),
    };
}
