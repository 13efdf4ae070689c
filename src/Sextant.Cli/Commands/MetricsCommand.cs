using System.CommandLine;
using Sextant.Analysis;
using Sextant.Cli.Output;
using Sextant.Configuration.Queries;
using Sextant.Events;
using Sextant.Serialization;

namespace Sextant.Cli.Commands;

/// <summary>
/// <c>sextant metrics</c>: North Star, DAU / WAU / MAU, stickiness, activation, feature adoption,
/// power users, concentration and lifecycle, for everyone or a cohort, broken down by up to three
/// dimensions.
/// </summary>
internal static class MetricsCommand
{
    public static Command Create(GlobalOptions globals)
    {
        var scope = new ScopeOptions();
        var asOf = new Option<string?>("--as-of") { Description = "Data end: a day (its end) or an instant; later events are ignored" };
        var period = new Option<string>("--period") { Description = "Lifecycle period: week (default) or month", DefaultValueFactory = _ => "week" };
        period.AcceptOnlyFromAmong("week", "month");
        var output = OutOption.Create();
        var command = new Command("metrics", "Engagement: North Star, DAU/WAU/MAU, stickiness, activation, feature adoption, power users, lifecycle")
        { output, asOf, period };
        scope.AddTo(command);
        command.SetAction(result =>
        {
            var console = Terminal.For(result);
            var project = globals.OpenProject(result);
            // The calendar and the names, not the table: on a warehouse store the metrics run inside the database.
            var scoped = scope.Read(result, project);
            var query = EngagementQueries.FromConfig(project.Config) with
            {
                Range = EndBy(scoped.Range, DateFlags.AsOf(result.GetValue(asOf), project.Calendar)),
                Cohort = scoped.Cohort,
                Breakdowns = scoped.Breakdowns,
                BreakdownLimit = scoped.Limit,
                LifecyclePeriod = result.GetValue(period) == "month" ? CalendarPeriod.Month : CalendarPeriod.Week,
            };
            var metrics = project.Run(query) with { Warnings = NameCheck.ConfigWarnings(project.Names, project.Config) };
            GlobalOptions.NoteEngine(result, project);
            OutOption.Write(result, output, "metrics_summary.json", metrics, engagement: metrics);
            if (result.GetValue(globals.Json))
            {
                ResultJson.Write(Terminal.Out(result), metrics);
                return Program.ExitOk;
            }
            MetricsPrinter.Print(console, metrics);
            return Program.ExitOk;
        });
        return command;
    }

    /// <summary>--as-of is a data end: the range stops after it when it comes before the range's own end.</summary>
    private static TimeRange EndBy(TimeRange range, long? asOf) =>
        asOf is { } last && last + 1 < range.ToMicros ? range with { To = new Timestamp(last + 1) } : range;
}
