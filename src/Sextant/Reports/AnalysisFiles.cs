using System.Globalization;
using System.Text;
using Sextant.Analysis.Engagement;
using Sextant.Analysis.Funnels;
using Sextant.Analysis.Retention;
using Sextant.Analysis.Revenue;

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
    public static string RevenueCsv(RevenueResult revenue)
    {
        ArgumentNullException.ThrowIfNull(revenue);
        var text = new StringBuilder("month,revenue,active_users,paying_users,arpu,arppu,complete\n");
        foreach (var month in revenue.Months)
            text.Append(CultureInfo.InvariantCulture, $"{month.Month},{Number(month.Revenue)},{month.ActiveUsers},{month.PayingUsers},{Number(month.Arpu)},{Number(month.Arppu)},{Bool(month.Complete)}\n");
        return text.ToString();
    }

    /// <summary>
    /// cohort,size,month,revenue,ltv,retained,complete,kind: one observed row per cohort month, then
    /// the projected LTV at 12 and 24 months (kind projected_sbg, an extrapolation by the fitted model).
    /// </summary>
    public static string LtvCsv(RevenueResult revenue)
    {
        ArgumentNullException.ThrowIfNull(revenue);
        var text = new StringBuilder("cohort,size,month,revenue,ltv,retained,complete,kind\n");
        foreach (var cohort in revenue.Cohorts)
        {
            foreach (var cell in cohort.Periods)
                text.Append(CultureInfo.InvariantCulture, $"{cohort.Cohort},{cohort.Size},{cell.Period},{Number(cell.Revenue)},{Number(cell.Ltv)},{cell.Retained},{Bool(cell.Complete)},observed\n");
            if (cohort.ProjectedLtv12 is { } ltv12) text.Append(CultureInfo.InvariantCulture, $"{cohort.Cohort},{cohort.Size},12,,{Number(ltv12)},,false,projected_sbg\n");
            if (cohort.ProjectedLtv24 is { } ltv24) text.Append(CultureInfo.InvariantCulture, $"{cohort.Cohort},{cohort.Size},24,,{Number(ltv24)},,false,projected_sbg\n");
        }
        return text.ToString();
    }

    private static string Bool(bool value) => value ? "true" : "false";

    /// <summary>date,dau,wau,mau,stickiness.</summary>
    public static string EngagementCsv(EngagementResult engagement)
    {
        ArgumentNullException.ThrowIfNull(engagement);
        var text = new StringBuilder("date,dau,wau,mau,stickiness\n");
        for (var i = 0; i < engagement.Dau.Count; i++)
            text.Append(CultureInfo.InvariantCulture, $"{engagement.Dau[i].Date},{engagement.Dau[i].Users},{engagement.Wau[i].Users},{engagement.Mau[i].Users},{Number(engagement.Stickiness.Daily[i].Value)}\n");
        return text.ToString();
    }

    /// <summary>
    /// feature,scope,key,users,of,rate,ci_low,ci_high,complete,median_days_to_first_use: per feature one
    /// "ever" row (adopters of signed-up users), one "month" row per month (users of active users) and one
    /// row per breakdown value (scope = the attribute).
    /// </summary>
    public static string FeatureAdoptionCsv(EngagementResult engagement)
    {
        ArgumentNullException.ThrowIfNull(engagement);
        var groupScope = Csv(engagement.BreakdownBy ?? "segment");
        var text = new StringBuilder("feature,scope,key,users,of,rate,ci_low,ci_high,complete,median_days_to_first_use\n");
        foreach (var feature in engagement.FeatureAdoption)
        {
            var name = Csv(feature.Feature);
            text.Append(CultureInfo.InvariantCulture, $"{name},ever,all,{feature.Adopters},{feature.SignedUp},{Number(feature.Rate)},{Number(feature.CiLow)},{Number(feature.CiHigh)},true,{Number(feature.MedianDaysToFirstUse)}\n");
            foreach (var month in feature.Monthly)
                text.Append(CultureInfo.InvariantCulture, $"{name},month,{month.Period},{month.Users},{month.Active},{Number(month.Rate)},,,{(month.Complete ? "true" : "false")},\n");
            foreach (var group in feature.ByGroup)
                text.Append(CultureInfo.InvariantCulture, $"{name},{groupScope},{Csv(group.Value)},{group.Users},{group.Of},{Number(group.Rate)},{Number(group.CiLow)},{Number(group.CiHigh)},true,\n");
        }
        return text.ToString();
    }

    /// <summary>One row per step of the overall funnel.</summary>
    public static string FunnelCsv(FunnelResult funnel)
    {
        ArgumentNullException.ThrowIfNull(funnel);
        var text = new StringBuilder(StepHeader + "\n");
        for (var k = 0; k < funnel.Steps.Count; k++) text.Append(StepRow(k, funnel.Steps[k])).Append('\n');
        return text.ToString();
    }

    /// <summary>One row per breakdown value and step.</summary>
    public static string BreakdownCsv(FunnelResult funnel)
    {
        ArgumentNullException.ThrowIfNull(funnel);
        var text = new StringBuilder("value," + StepHeader + ",overall_conversion,ratio_to_rest,ratio_low,ratio_high,p_value_vs_rest\n");
        foreach (var value in funnel.Breakdown)
            for (var k = 0; k < value.Steps.Count; k++)
                text.Append(Csv(value.Value)).Append(',').Append(StepRow(k, value.Steps[k]))
                    .Append(CultureInfo.InvariantCulture, $",{Number(value.OverallConversion)},{Number(value.RatioToRest)},{Number(value.RatioLow)},{Number(value.RatioHigh)},{Number(value.PValueVsRest)}\n");
        return text.ToString();
    }

    /// <summary>The average curve and day-N retention: kind,period,users,eligible,rate,ci_low,ci_high.</summary>
    public static string CohortRetentionCsv(RetentionResult retention)
    {
        ArgumentNullException.ThrowIfNull(retention);
        var text = new StringBuilder("kind,period,users,eligible,rate,ci_low,ci_high\n");
        foreach (var rate in retention.Average) text.Append(RateRow("average_" + retention.Period.ToString().ToLowerInvariant(), rate));
        foreach (var rate in retention.DayN) text.Append(RateRow("day_n", rate));
        return text.ToString();
    }

    /// <summary>The cohort matrix, one row per cell, partial cells marked.</summary>
    public static string RetentionMatrixCsv(RetentionResult retention)
    {
        ArgumentNullException.ThrowIfNull(retention);
        var text = new StringBuilder("cohort,size,period,users,rate,ci_low,ci_high,complete\n");
        foreach (var cohort in retention.Cohorts)
            foreach (var cell in cohort.Periods)
                text.Append(CultureInfo.InvariantCulture,
                    $"{cohort.Cohort},{cohort.Size},{cell.Period},{cell.Users},{Number(cell.Rate)},{Number(cell.CiLow)},{Number(cell.CiHigh)},{(cell.Complete ? "true" : "false")}\n");
        return text.ToString();
    }

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

    private const string StepHeader = "step,name,users,conversion_from_previous,conversion_from_start,ci_low,ci_high,ci_low_from_start,ci_high_from_start,drop_off,median_seconds_from_previous,p90_seconds_from_previous,median_seconds_from_start,p90_seconds_from_start";

    private static string StepRow(int index, FunnelStepResult step) => string.Join(',',
        index.ToString(CultureInfo.InvariantCulture), Csv(step.Name), step.Users.ToString(CultureInfo.InvariantCulture),
        Number(step.ConversionFromPrevious), Number(step.ConversionFromStart), Number(step.CiLow), Number(step.CiHigh),
        Number(step.CiLowFromStart), Number(step.CiHighFromStart), step.DropOff.ToString(CultureInfo.InvariantCulture),
        Number(step.MedianSecondsFromPrevious), Number(step.P90SecondsFromPrevious), Number(step.MedianSecondsFromStart), Number(step.P90SecondsFromStart));

    private static string RateRow(string kind, RetentionRate rate) => string.Create(CultureInfo.InvariantCulture,
        $"{kind},{rate.Period},{rate.Users},{rate.Eligible},{Number(rate.Rate)},{Number(rate.CiLow)},{Number(rate.CiHigh)}\n");

    private static string Number(double? value) => value is { } v ? v.ToString("0.######", CultureInfo.InvariantCulture) : "";

    /// <summary>A markdown table cell: a step set "a|b" must not split the cell.</summary>
    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal);

    private static string Percent(double value) => (value * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%";

    private static string Hours(double? seconds) => seconds is { } s ? (s / 3600).ToString("0.0", CultureInfo.InvariantCulture) + " h" : "-";

    private static string Csv(string value) => CsvCell.Text(value);
}
