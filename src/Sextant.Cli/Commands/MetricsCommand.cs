using System.CommandLine;
using Sextant.Analysis;
using Sextant.Analysis.Engagement;
using Sextant.Cli.Output;
using Sextant.Serialization;

namespace Sextant.Cli.Commands;

/// <summary>
/// <c>sextant metrics</c>: North Star, DAU / WAU / MAU, stickiness, activation, feature adoption,
/// power users, concentration and lifecycle.
/// </summary>
internal static class MetricsCommand
{
    public static Command Create(GlobalOptions globals)
    {
        var from = new Option<string?>("--from") { Description = "First day counted, yyyy-MM-dd in the project time zone" };
        var to = new Option<string?>("--to") { Description = "Last day counted, yyyy-MM-dd" };
        var asOf = new Option<string?>("--as-of") { Description = "Data end: a day (its end) or an instant; later events are ignored" };
        var breakdown = new Option<string?>("--breakdown") { Description = "Profile attribute for per-value headline figures and adoption: segment, channel, plan, …" };
        var period = new Option<string>("--period") { Description = "Lifecycle period: week (default) or month", DefaultValueFactory = _ => "week" };
        period.AcceptOnlyFromAmong("week", "month");
        var output = OutOption.Create();
        var command = new Command("metrics", "Engagement: North Star, DAU/WAU/MAU, stickiness, activation, feature adoption, power users, lifecycle")
        { output,
            from, to, asOf, breakdown, period,
        };
        command.SetAction(result =>
        {
            var config = globals.LoadConfig(result);
            var table = globals.LoadTable(result, config);
            var query = EngagementQuery.FromConfig(config) with
            {
                From = DateFlags.From(result.GetValue(from), table.Calendar),
                To = DateFlags.To(result.GetValue(to), table.Calendar),
                AsOf = DateFlags.AsOf(result.GetValue(asOf), table.Calendar),
                Breakdown = result.GetValue(breakdown),
                LifecyclePeriod = result.GetValue(period) == "month" ? CalendarPeriod.Month : CalendarPeriod.Week,
            };
            var metrics = EngagementRunner.Run(table, query) with { Warnings = Analysis.NameCheck.ConfigWarnings(table, config) };
            OutOption.Write(result, output, "metrics_summary.json", metrics, engagement: metrics);
            if (result.GetValue(globals.Json))
            {
                ResultJson.Write(Console.Out, metrics);
                return Program.ExitOk;
            }
            MetricsPrinter.Print(metrics);
            return Program.ExitOk;
        });
        return command;
    }
}
