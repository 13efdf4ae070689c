using System.CommandLine;
using Sextant.Analysis.Checks;
using Sextant.Application;
using Sextant.Cli.Output;
using Sextant.Export.Png;
using Sextant.Serialization;
using Sextant.Synthetic;
using Spectre.Console;

namespace Sextant.Cli.Commands;

/// <summary>
/// <c>sextant demo</c>: generate the notion scenario into a fresh store, check it, run every
/// analysis that exists, and write every output under one directory.
/// </summary>
internal static class DemoCommand
{
    public static Command Create(GlobalOptions globals)
    {
        var output = new Option<string>("--out") { Description = "Directory for every output (default: out)", DefaultValueFactory = _ => "out" };
        var png = ReportCommand.PngOption();
        var command = new Command("demo", "Generate the 50,000-user scenario, ingest it, check it and write every output") { output, png };
        command.SetAction(result =>
        {
            var console = Terminal.For(result);
            var demo = DemoPipeline.Run(result.GetValue(output)!, new NotionScenario(), TimeProvider.System);
            var pngs = result.GetValue(png) ? PngExport.Convert(demo.Report.Charts) : [];
            var (directory, storePath, generated, stored, info, report, calibration, reportFiles) =
                (demo.Directory, demo.StorePath, demo.Generated, demo.Stored, demo.Info, demo.Checks, demo.Calibration, demo.Report);
            var inputs = demo.Inputs;
            var (metrics, funnel, lifecycle, retention, revenue) = (inputs.Metrics, inputs.Funnel, inputs.Lifecycle, inputs.Retention, inputs.Revenue);
            var (experiments, growth, impacts) = (inputs.Experiments, inputs.Growth, inputs.Impacts);

            if (result.GetValue(globals.Json))
            {
                ResultJson.Write(Terminal.Out(result), new { Out = directory, Store = storePath, info.Events, info.Users, Checks = report.Checks, Calibration = calibration });
                return report.AnyFailed ? Program.ExitFailed : Program.ExitOk;
            }

            console.MarkupLine($"[bold]Sextant demo[/]: a collaborative docs product, {Terminal.Number(info.Users)} users, {Terminal.Number(info.Events)} events, {info.FirstEvent?.ToDateTimeOffset():yyyy-MM-dd} to {info.LastEvent?.ToDateTimeOffset():yyyy-MM-dd}.");
            console.MarkupLine($"Generated in {generated.TotalSeconds:F1} s; files written and data stored in {stored.TotalSeconds:F1} s.");
            console.Write(GenerateCommand.CalibrationTable(calibration));
            console.MarkupLine(Markup.Escape($"Funnel signup → create → edit → collaborate → upgrade (30 days): " +
                string.Join(" → ", funnel.Steps.Select(step => $"{step.Users:N0}")) + $"; biggest drop at {funnel.Steps[funnel.BiggestDropStep ?? 1].Name}."));
            console.MarkupLine(Markup.Escape("Lifecycle funnel (" + string.Join(" → ", lifecycle.Steps.Select(step => $"{step.Name} {step.Users:N0}")) +
                $"); biggest drop {lifecycle.Steps[(lifecycle.BiggestDropStage ?? 1) - 1].Name} → {lifecycle.Steps[lifecycle.BiggestDropStage ?? 1].Name}."));
            if (metrics.NorthStar is { Headline: { } star, Extrapolated: var scaled })
                console.MarkupLine(Markup.Escape($"North Star, weekly active collaborative workspaces, week of {star.Period}: {star.Users:N0}" +
                    (scaled is null ? "." : $" (≈ {scaled.Value:N0} extrapolated to business.mau {scaled.BusinessMau:N0}).")));
            console.MarkupLine(Markup.Escape($"Activation {Terminal.Percent(metrics.Activation.Rate)} [{Terminal.Percent(metrics.Activation.CiLow)}–{Terminal.Percent(metrics.Activation.CiHigh)}]; stickiness (DAU/MAU, last 30 days) {Terminal.Percent(metrics.Stickiness.Headline)}; MAU on {metrics.Mau[^1].Date}: {metrics.Mau[^1].Users:N0}."));
            console.MarkupLine(Markup.Escape($"Monthly retention (complete cohorts): month 1 {Terminal.Percent(retention.Average[1].Rate)}, month 3 {Terminal.Percent(retention.Average[3].Rate)}, month 6 {Terminal.Percent(retention.Average[6].Rate)}."));
            if (revenue.Model is { } model && revenue.Months.LastOrDefault(m => m.Complete) is { } lastMonth)
                console.MarkupLine(Markup.Escape($"Revenue {lastMonth.Month}: {lastMonth.Revenue:N0} {revenue.Currency}, ARPU {lastMonth.Arpu:0.00}, ARPPU {lastMonth.Arppu:0.00}; " +
                    $"projected 24-month LTV of the {revenue.Cohorts.LastOrDefault(c => c.ProjectedLtv24 is not null)?.Cohort} cohort {revenue.Cohorts.LastOrDefault(c => c.ProjectedLtv24 is not null)?.ProjectedLtv24:0.00} " +
                    $"(extrapolated: sBG fit, alpha {model.Alpha:0.00}, beta {model.Beta:0.00}, RMSE {model.RootMeanSquareError:0.000})."));
            console.MarkupLine(Markup.Escape($"Growth levers (modelled, extrapolated): top 3 {string.Join(", ", growth.TopLevers)}; together over 12 months " +
                $"P10 ${growth.CompoundAdditionalP10:N0} / P50 ${growth.CompoundAdditionalP50:N0} / P90 ${growth.CompoundAdditionalP90:N0} additional revenue."));
            foreach (var impact in impacts)
                console.MarkupLine(Markup.Escape($"Feature {impact.Feature} → {impact.Outcome.ToString().ToLowerInvariant()}: naive {impact.Naive.Difference:+0.000;-0.000}, " +
                    $"adjusted {impact.Adjusted.Difference:+0.000;-0.000} [{impact.Adjusted.CiLow:0.000}, {impact.Adjusted.CiHigh:0.000}] (observational association)."));
            foreach (var experiment in experiments)
                console.MarkupLine(Markup.Escape($"Experiment {experiment.Experiment}: {Analysis.Experiments.ExperimentDecisions.Code(experiment.Verdict.Decision).Replace('_', ' ')} — {experiment.Verdict.Reason}."));
            var failed = report.Checks.Where(c => c.Status != CheckStatus.Pass).Select(c => $"{c.Name} ({c.Status.ToString().ToLowerInvariant()})").ToList();
            console.MarkupLine(failed.Count == 0 ? "Data checks: all pass." : $"Data checks: {Markup.Escape(string.Join(", ", failed))} — see check.json.");
            console.MarkupLine($"""

                Where to look, in [bold]{Markup.Escape(directory)}[/]:
                  data/             the generated CSV files and truth.json (every planted parameter)
                  sextant.db        the store: try  sextant info --store {Markup.Escape(storePath)}
                  sextant.yaml      the scenario's settings (features, funnel, experiments), read by commands given --store {Markup.Escape(storePath)}
                  check.json        data-quality checks
                  store_info.json   counts, date range, top events
                  calibration.json  the generated data against the seed documents' targets
                  metrics_summary.json  North Star, DAU/WAU/MAU, stickiness, activation, feature adoption, power users, lifecycle
                  funnel.json       a five-step funnel by segment, with intervals and timings
                  lifecycle_funnel.json  Awareness → Signup → Activation → Engagement → Habit → Collaboration → Monetization
                  retention.json    monthly cohort retention, average curve, day-N retention
                  revenue.json      revenue, ARPU and ARPPU per month, cohort LTV observed and projected
                  experiments.json  the two planted experiments: tests, lifts, segments, guardrails, verdicts
                  feature_impact.json  the two planted feature effects: naive vs confounder-adjusted
                  user_health.csv   health score, at-risk and expansion-ready flags of every recently active user
                  paths.json        top session paths, Sankey edges, drop-off, paths before upgrade, feature network
                  dashboards/index.html  {reportFiles.Dashboards.Count - 1} interactive dashboards (self-contained, open offline), rendered in {reportFiles.RenderSeconds:0.00} s
                  charts/           {reportFiles.Charts.Count} charts as SVG{(pngs.Count > 0 ? " and PNG" : " (add --png for PNG files too)")}
                  analytics_framework_report.txt, .md, .html   the executive report: findings, ranked opportunities, recommendations
                  growth.json, growth_levers.csv, growth_projections.csv, growth_sensitivity.csv   growth levers
                  engagement_metrics.csv, feature_adoption.csv, funnel_metrics.csv, segment_funnel.csv, cohort_retention.csv,
                  retention_matrix.csv, dropoff_report.md, revenue_metrics.csv, ltv_by_cohort.csv
                                    the same results as flat files
                """);
            return report.AnyFailed ? Program.ExitFailed : Program.ExitOk;
        });
        return command;
    }
}
