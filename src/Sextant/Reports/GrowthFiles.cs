using System.Globalization;
using System.Text;
using Sextant.Analysis.Growth;

namespace Sextant.Reports;

/// <summary>growth_levers.csv, growth_projections.csv and growth_sensitivity.csv from a <see cref="GrowthResult"/>.</summary>
public static class GrowthFiles
{
    /// <summary>Writes the three files into <paramref name="directory"/>.</summary>
    public static void Write(string directory, GrowthResult growth)
    {
        ArgumentNullException.ThrowIfNull(growth);
        OutputFile.CreateDirectory(directory);
        OutputFile.WriteText(Path.Combine(directory, "growth_levers.csv"), LeversCsv(growth));
        OutputFile.WriteText(Path.Combine(directory, "growth_projections.csv"), ProjectionsCsv(growth));
        OutputFile.WriteText(Path.Combine(directory, "growth_sensitivity.csv"), SensitivityCsv(growth));
    }

    /// <summary>One row per lever, best first; money figures are extrapolated first-year revenue.</summary>
    public static string LeversCsv(GrowthResult growth)
    {
        ArgumentNullException.ThrowIfNull(growth);
        var text = new StringBuilder("rank,lever,rate,baseline,audience_share,uplift_low,uplift_likely,uplift_high,confidence,effort_months,ramp_up_months,impact_p10,impact_p50,impact_p90,expected_if_it_works,score\n");
        foreach (var l in growth.Levers)
            text.Append(CultureInfo.InvariantCulture,
                $"{l.Rank},{CsvCell.Text(l.Lever)},{l.Rate},{N(l.Baseline)},{N(l.AudienceShare)},{N(l.UpliftLow)},{N(l.UpliftLikely)},{N(l.UpliftHigh)},{N(l.Confidence)},{N(l.EffortMonths)},{N(l.RampUpMonths)},{N(l.P10)},{N(l.P50)},{N(l.P90)},{N(l.ExpectedIfItWorks)},{N(l.Score)}\n");
        return text.ToString();
    }

    /// <summary>month,baseline,p10,p50,p90,cumulative_additional_p50 for the top levers together.</summary>
    public static string ProjectionsCsv(GrowthResult growth)
    {
        ArgumentNullException.ThrowIfNull(growth);
        var text = new StringBuilder("month,baseline,p10,p50,p90,cumulative_additional_p50\n");
        foreach (var m in growth.Projection)
            text.Append(CultureInfo.InvariantCulture, $"{m.Month},{N(m.Baseline)},{N(m.P10)},{N(m.P50)},{N(m.P90)},{N(m.CumulativeAdditionalP50)}\n");
        return text.ToString();
    }

    /// <summary>The tornado, largest swing first.</summary>
    public static string SensitivityCsv(GrowthResult growth)
    {
        ArgumentNullException.ThrowIfNull(growth);
        var text = new StringBuilder("lever,parameter,low_value,high_value,impact_at_low,impact_at_high,swing\n");
        foreach (var r in growth.Sensitivity)
            text.Append(CultureInfo.InvariantCulture, $"{CsvCell.Text(r.Lever)},{CsvCell.Text(r.Parameter)},{N(r.LowValue)},{N(r.HighValue)},{N(r.ImpactAtLow)},{N(r.ImpactAtHigh)},{N(r.Swing)}\n");
        return text.ToString();
    }

    private static string N(double value) => value.ToString("0.######", CultureInfo.InvariantCulture);
}
