using System.Globalization;
using System.Text;
using Sextant.Analysis.Engagement;
using Sextant.Analysis.Funnels;
using Sextant.Analysis.Retention;
using Sextant.Analysis.Revenue;
using Sextant.Reports.Tables;

namespace Sextant.Reports;

/// <summary>
/// Writes analysis results as the flat files product teams load into spreadsheets and BI tools:
/// engagement_metrics.csv, feature_adoption.csv, funnel_metrics.csv, segment_funnel.csv, cohort_retention.csv,
/// retention_matrix.csv, dropoff_report.md, revenue_metrics.csv and ltv_by_cohort.csv. Renderers only: every number comes from a result.
/// </summary>
public static class AnalysisFiles
{
    /// <summary>Writes every file for the results given into <paramref name="directory"/>; returns the paths.</summary>
    public static IReadOnlyList<string> Write(string directory, EngagementResult? engagement, FunnelResult? funnel, RetentionResult? retention, RevenueResult? revenue = null)
    {
        OutputFile.CreateDirectory(directory);
        var written = new List<string>();
        void Save(string name, string content)
        {
            var path = Path.Combine(directory, name);
            OutputFile.WriteText(path, content);
            written.Add(path);
        }
        if (engagement is not null)
        {
            Save("engagement_metrics.csv", EngagementCsv(engagement));
            Save("feature_adoption.csv", FeatureAdoptionCsv(engagement));
        }
        if (funnel is not null)
        {
            Save("funnel_metrics.csv", FunnelCsv(funnel));
            if (funnel.Breakdown.Count > 0) Save("segment_funnel.csv", BreakdownCsv(funnel));
            Save("dropoff_report.md", DropoffReport(funnel));
        }
        if (retention is not null)
        {
            Save("cohort_retention.csv", CohortRetentionCsv(retention));
            Save("retention_matrix.csv", RetentionMatrixCsv(retention));
        }
        if (revenue is not null)
        {
            Save("revenue_metrics.csv", RevenueCsv(revenue));
            Save("ltv_by_cohort.csv", LtvCsv(revenue));
        }
        return written;
    }

    /// <summary>month,revenue,active_users,paying_users,arpu,arppu,complete.</summary>
    public static string RevenueCsv(RevenueResult revenue) => TableCsv.Render(AnalysisTables.RevenueMonths(revenue));

    /// <summary>
    /// cohort,size,month,revenue,ltv,retained,complete,kind: one observed row per cohort month, then
    /// the projected LTV at 12 and 24 months (kind projected_sbg, an extrapolation by the fitted model).
    /// </summary>
    public static string LtvCsv(RevenueResult revenue) => TableCsv.Render(AnalysisTables.LtvByCohort(revenue));

    /// <summary>date,dau,wau,mau,stickiness.</summary>
    public static string EngagementCsv(EngagementResult engagement) => TableCsv.Render(AnalysisTables.Engagement(engagement));

    /// <summary>
    /// feature,scope,key,users,of,rate,ci_low,ci_high,complete,median_days_to_first_use: per feature one
    /// "ever" row (adopters of signed-up users), one "month" row per month (users of active users) and one
    /// row per breakdown value (scope = the attribute).
    /// </summary>
    public static string FeatureAdoptionCsv(EngagementResult engagement) => TableCsv.Render(AnalysisTables.FeatureAdoption(engagement));

    /// <summary>One row per step of the overall funnel.</summary>
    public static string FunnelCsv(FunnelResult funnel) => TableCsv.Render(AnalysisTables.FunnelSteps(funnel));

    /// <summary>One row per breakdown value and step.</summary>
    public static string BreakdownCsv(FunnelResult funnel) => TableCsv.Render(AnalysisTables.FunnelBreakdown(funnel));

    /// <summary>The average curve and day-N retention: kind,period,users,eligible,rate,ci_low,ci_high.</summary>
    public static string CohortRetentionCsv(RetentionResult retention) => TableCsv.Render(AnalysisTables.CohortRetention(retention));

    /// <summary>The cohort matrix, one row per cell, partial cells marked.</summary>
    public static string RetentionMatrixCsv(RetentionResult retention) => TableCsv.Render(AnalysisTables.RetentionMatrix(retention));

    /// <summary>A short markdown report of where users drop, derived from the funnel result.</summary>
    public static string DropoffReport(FunnelResult funnel)
    {
        ArgumentNullException.ThrowIfNull(funnel);
        var text = new StringBuilder("# Drop-off report\n\n");
        text.Append(CultureInfo.InvariantCulture, $"Funnel of {funnel.Steps.Count} steps ({funnel.Order.ToString().ToLowerInvariant()}), {funnel.WindowSeconds / 86_400:0.##}-day window from step 1.\n\n");
        text.Append("| step | users | from previous (95% CI) | lost | median time from previous |\n| --- | --- | --- | --- | --- |\n");
        foreach (var step in funnel.Steps)
            text.Append(CultureInfo.InvariantCulture,
                $"| {Cell(step.Name)} | {step.Users:N0} | {Percent(step.ConversionFromPrevious)} ({Percent(step.CiLow)}–{Percent(step.CiHigh)}) | {step.DropOff:N0} | {Hours(step.MedianSecondsFromPrevious)} |\n");
        if (funnel.BiggestDropStep is { } drop)
        {
            var step = funnel.Steps[drop];
            text.Append(CultureInfo.InvariantCulture,
                $"\nThe biggest drop is **{funnel.Steps[drop - 1].Name} → {step.Name}**: {Percent(1 - step.ConversionFromPrevious)} of the users who reached {funnel.Steps[drop - 1].Name} did not continue ({step.DropOff:N0} users; 95% interval of the conversion {Percent(step.CiLow)}–{Percent(step.CiHigh)}).\n");
        }
        else
        {
            text.Append("\nNo step had users to lose: the data do not show a drop-off.\n");
        }
        var compared = funnel.Breakdown.Where(b => b.RatioToRest is not null).ToList();
        if (compared.Count >= 2)
        {
            var best = compared.MaxBy(b => b.OverallConversion)!;
            var worst = compared.MinBy(b => b.OverallConversion)!;
            text.Append(CultureInfo.InvariantCulture,
                $"\nBy breakdown value, **{best.Value}** converts best end to end ({Percent(best.OverallConversion)}, {best.RatioToRest:0.00}× the rest, interval {best.RatioLow:0.00}–{best.RatioHigh:0.00}) and **{worst.Value}** worst ({Percent(worst.OverallConversion)}, {worst.RatioToRest:0.00}× the rest, interval {worst.RatioLow:0.00}–{worst.RatioHigh:0.00}). These are associations between a profile attribute and conversion, not effects.\n");
        }
        return text.ToString();
    }

    /// <summary>A markdown table cell: a step set "a|b" must not split the cell.</summary>
    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal);

    private static string Percent(double value) => (value * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%";

    private static string Hours(double? seconds) => seconds is { } s ? (s / 3600).ToString("0.0", CultureInfo.InvariantCulture) + " h" : "-";

}
