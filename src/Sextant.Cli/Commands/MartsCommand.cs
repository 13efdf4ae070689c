using System.CommandLine;
using System.Globalization;
using Sextant.Analysis.Marts;
using Sextant.Application.Requests;
using Sextant.Cli.Output;
using Sextant.Reports.Tables;
using Sextant.Serialization;
using Spectre.Console;

namespace Sextant.Cli.Commands;

/// <summary>
/// <c>sextant marts</c>: funnel conversion by sign-up month, DAU/MAU and feature adoption by sign-up month, and user health
/// with the plan from subscriptions (docs/MARTS.md).
/// </summary>
internal static class MartsCommand
{
    public static Command Create(GlobalOptions globals)
    {
        var funnel = new Option<string?>("--funnel") { Description = "A funnel named in sextant.yaml (funnels:); default the first one there" };
        var steps = new Option<string?>("--steps") { Description = "Comma-separated funnel steps, as sextant funnel --steps" };
        var window = new Option<string?>("--window") { Description = "Conversion window from step 1 (default 14d, or the named funnel's)" };
        var order = new Option<string?>("--order") { Description = "ordered (default), strict or unordered" };
        order.AcceptOnlyFromAmong("ordered", "strict", "unordered");
        var exclude = new Option<string[]>("--exclude") { Description = "Event that removes a user from the funnel (repeatable)" };
        var output = new Option<string?>("--out") { Description = "Directory for cohort_funnel.csv, cohort_engagement.csv, cohort_feature_adoption.csv and user_health_mart.csv" };
        var scopeOptions = new ScopeOptions(breakdowns: false);
        var command = new Command("marts", "Cohort marts: funnel conversion, DAU/MAU and feature adoption by sign-up month, user health by plan")
            { funnel, steps, window, order, exclude, output };
        scopeOptions.AddTo(command);
        command.SetAction(result =>
        {
            var console = Terminal.For(result);
            var project = globals.OpenProject(result);
            var marts = MartsRequest.Marts(project, RequestOptions.Read(result, [funnel, steps, window, order, exclude, .. scopeOptions.Options]));
            GlobalOptions.NoteEngine(result, project);
            if (result.GetValue(output) is { } directory)
            {
                OutputFile.CreateDirectory(directory);
                foreach (var table in MartTables.All(marts))
                    OutputFile.WriteText(Path.Combine(directory, table.Name + ".csv"), TableCsv.Render(table));
            }
            if (result.GetValue(globals.Json))
            {
                ResultJson.Write(Terminal.Out(result), marts);
                return Program.ExitOk;
            }
            Terminal.Warnings(console, marts.Warnings);
            if (marts.Funnel is { } cohortFunnel) PrintFunnel(console, cohortFunnel);
            PrintEngagement(console, marts.Engagement);
            PrintHealth(console, marts.Health);
            console.MarkupLine("Cohorts are sign-up months (project time zone), newest last; [yellow]partial[/] rows are not over at the data end and are left out of averages.");
            return Program.ExitOk;
        });
        return command;
    }

    private static void PrintFunnel(IAnsiConsole console, CohortFunnelResult funnel)
    {
        var table = new Table().Border(TableBorder.Rounded).Title(Markup.Escape($"funnel by sign-up month (window {funnel.WindowSeconds / 86400.0:0.##} days; % of the cohort)"))
            .AddColumns("cohort", "users");
        foreach (var step in funnel.Steps) table.AddColumn(Markup.Escape(step));
        table.AddColumn("");
        foreach (var column in table.Columns.Skip(1)) column.RightAligned();
        foreach (var row in funnel.Cohorts)
            table.AddRow([Markup.Escape(row.Cohort), Terminal.Number(row.CohortSize), .. row.Steps.Select(s => $"{Terminal.Number(s.Users)} ({Terminal.Percent(s.FromCohort)})"), Partial(row.Complete)]);
        if (funnel.CompleteCohorts > 0)
            table.AddRow([$"complete ({funnel.CompleteCohorts})", Terminal.Number(funnel.Cohorts.Where(c => c.Complete).Sum(c => c.CohortSize)),
                .. funnel.Average.Select(s => Markup.Escape($"{Terminal.Number(s.Users)} ({Terminal.Percent(s.FromCohort)} [{Terminal.Percent(s.CohortCiLow)}, {Terminal.Percent(s.CohortCiHigh)}])")), ""]);
        console.Write(table);
    }

    private static void PrintEngagement(IAnsiConsole console, CohortEngagementResult engagement)
    {
        var table = new Table().Border(TableBorder.Rounded).Title("engagement by sign-up month")
            .AddColumns("cohort", "month", "users", "MAU", "mean DAU", "DAU/MAU", "retained (95% CI)", "");
        foreach (var column in table.Columns.Skip(2)) column.RightAligned();
        foreach (var r in engagement.Months)
            table.AddRow(Markup.Escape(r.Cohort), $"{Markup.Escape(r.Month)} (+{r.MonthsSinceSignup})", Terminal.Number(r.CohortSize), Terminal.Number(r.ActiveUsers),
                r.MeanDau.ToString("0.0", CultureInfo.InvariantCulture), Terminal.Percent(r.Stickiness),
                Markup.Escape($"{Terminal.Percent(r.RetainedShare)} [{Terminal.Percent(r.CiLow)}, {Terminal.Percent(r.CiHigh)}]"), Partial(r.Complete));
        console.Write(table);
        if (engagement.Features.Count == 0) return;
        var adoption = new Table().Border(TableBorder.Rounded).Title("feature adoption by sign-up month (ever / within 30 days of sign-up)").AddColumn("cohort");
        foreach (var feature in engagement.Features) adoption.AddColumn(Markup.Escape(feature));
        adoption.AddColumn("");
        foreach (var column in adoption.Columns.Skip(1)) column.RightAligned();
        foreach (var cohort in engagement.Adoption.GroupBy(r => r.Cohort))
            adoption.AddRow([Markup.Escape(cohort.Key), .. cohort.Select(r => $"{Terminal.Percent(r.Rate)} / {Terminal.Percent(r.EarlyRate)}"), Partial(cohort.First().Complete)]);
        console.Write(adoption);
    }

    private static void PrintHealth(IAnsiConsole console, UserHealthMart health)
    {
        var table = new Table().Border(TableBorder.Rounded).Title(Markup.Escape($"user health by plan at {health.DataEndDay} (plan from subscriptions)"))
            .AddColumns("plan", "users", "at risk", "expansion-ready", "plan from subscriptions");
        foreach (var column in table.Columns.Skip(1)) column.RightAligned();
        foreach (var p in health.Plans)
            table.AddRow(Markup.Escape(p.Plan), Terminal.Number(p.Users), Terminal.Number(p.AtRisk), Terminal.Number(p.ExpansionReady), Terminal.Number(p.FromSubscriptions));
        table.AddRow("all", Terminal.Number(health.Users), Terminal.Number(health.AtRisk), Terminal.Number(health.ExpansionReady), Terminal.Number(health.Plans.Sum(p => p.FromSubscriptions)));
        console.Write(table);
        console.MarkupLine(Markup.Escape($"Expansion-ready: plan in [{string.Join(", ", health.ExpansionPlans)}], ≥ {health.MinFeatures} features and ≥ {health.MinActiveDays} active days in the last 30."));
    }

    private static string Partial(bool complete) => complete ? "" : "[yellow]partial[/]";
}
