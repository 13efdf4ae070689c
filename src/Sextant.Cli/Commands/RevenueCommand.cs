using System.CommandLine;
using System.Globalization;
using Sextant.Analysis.Revenue;
using Sextant.Application.Requests;
using Sextant.Cli.Output;
using Sextant.Serialization;
using Spectre.Console;

namespace Sextant.Cli.Commands;

/// <summary><c>sextant revenue</c>: ARPU / ARPPU per month (and per breakdown group), cohort LTV observed and projected.</summary>
internal static class RevenueCommand
{
    public static Command Create(GlobalOptions globals)
    {
        var asOf = new Option<string?>("--as-of") { Description = "Data end: a day (its end) or an instant; later revenue and events are ignored (as --to)" };
        var scope = new ScopeOptions(breakdowns: true, defaultLimit: 10);
        var output = OutOption.Create();
        var command = new Command("revenue", "Revenue, ARPU and ARPPU per month; cohort LTV observed and projected with a fitted retention model") { asOf, output };
        scope.AddTo(command);
        command.SetAction(result =>
        {
            var console = Terminal.For(result);
            var project = globals.OpenProject(result);
            var revenue = RevenueRequest.Revenue(project, RequestOptions.Read(result, [asOf, .. scope.Options]));
            GlobalOptions.NoteEngine(result, project);
            OutOption.Write(result, output, "revenue.json", revenue, revenue: revenue);
            if (result.GetValue(globals.Json))
            {
                ResultJson.Write(Terminal.Out(result), revenue);
                return Program.ExitOk;
            }
            Terminal.Warnings(console, revenue.Warnings);
            Print(console, revenue);
            return Program.ExitOk;
        });
        return command;
    }

    private static void Print(IAnsiConsole console, RevenueResult revenue)
    {
        if (revenue.Currency is null)
        {
            console.MarkupLine("No paying subscriptions in the store.");
            return;
        }
        var months = new Table().Border(TableBorder.Rounded).Title(Markup.Escape($"revenue per month ({revenue.Currency})"))
            .AddColumns("month", "revenue", "active users", "paying users", "ARPU", "ARPPU", "");
        foreach (var column in months.Columns.Skip(1).Take(5)) column.RightAligned();
        foreach (var month in revenue.Months.TakeLast(12))
            months.AddRow(month.Month, Money(month.Revenue), Terminal.Number(month.ActiveUsers), Terminal.Number(month.PayingUsers),
                Money(month.Arpu), Money(month.Arppu), month.Complete ? "" : "partial");
        console.Write(months);
        if (revenue.Breakdown is { Count: > 0 } groups) PrintGroups(console, revenue, groups);

        var cohorts = new Table().Border(TableBorder.Rounded).Title("LTV per user by sign-up month (projected = extrapolated by the model)")
            .AddColumns("cohort", "size", "observed LTV", "through month", "projected 12 months", "projected 24 months");
        foreach (var column in cohorts.Columns.Skip(1)) column.RightAligned();
        foreach (var cohort in revenue.Cohorts.TakeLast(12))
        {
            var observed = cohort.Periods.LastOrDefault(p => p.Complete);
            cohorts.AddRow(cohort.Cohort, Terminal.Number(cohort.Size), observed is null ? "-" : Money(observed.Ltv),
                observed is null ? "-" : observed.Period.ToString(CultureInfo.InvariantCulture),
                cohort.ProjectedLtv12 is { } ltv12 ? Money(ltv12) : "-", cohort.ProjectedLtv24 is { } ltv24 ? Money(ltv24) : "-");
        }
        console.Write(cohorts);
        console.MarkupLine(revenue.Model is { } model
            ? Markup.Escape($"Projection model: {model.Name} fitted to {model.PeriodsFitted} months of pooled retention, alpha {model.Alpha:0.000}, beta {model.Beta:0.000}, " +
                $"fit error (RMSE) {model.RootMeanSquareError:0.0000}; {Money(model.RevenuePerRetainedUserMonth)} per retained user-month.")
            : "No projection: fewer than three months of retention to fit a model to.");
        if (revenue.SkippedSubscriptions > 0 || revenue.UnmatchedSubscriptions > 0)
            console.MarkupLine($"Left out: {revenue.SkippedSubscriptions} subscriptions in other currencies, {revenue.UnmatchedSubscriptions} of unknown users.");
    }

    /// <summary>Each group's figures in the last complete month (the last month when none is complete).</summary>
    private static void PrintGroups(IAnsiConsole console, RevenueResult revenue, IReadOnlyList<RevenueBreakdown> groups)
    {
        var last = revenue.Months.Count - 1;
        for (var i = last; i >= 0; i--)
            if (revenue.Months[i].Complete) { last = i; break; }
        if (last < 0) return;
        var table = new Table().Border(TableBorder.Rounded).Title(Markup.Escape($"revenue by {revenue.BreakdownBy} in {revenue.Months[last].Month} ({revenue.Currency})"))
            .AddColumns("group", "users", "revenue", "active users", "paying users", "ARPU", "ARPPU");
        foreach (var column in table.Columns.Skip(1)) column.RightAligned();
        foreach (var group in groups)
        {
            var month = group.Months[last];
            table.AddRow(Markup.Escape(group.Value), Terminal.Number(group.Users), Money(month.Revenue), Terminal.Number(month.ActiveUsers),
                Terminal.Number(month.PayingUsers), Money(month.Arpu), Money(month.Arppu));
        }
        console.Write(table);
    }

    private static string Money(double value) => value.ToString("N2", CultureInfo.InvariantCulture);
}
