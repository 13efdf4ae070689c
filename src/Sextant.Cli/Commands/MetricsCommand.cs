using System.CommandLine;
using Sextant.Application.Requests;
using Sextant.Cli.Output;
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
        var period = new Option<string>("--period") { Description = "Lifecycle period: day, week (default) or month", DefaultValueFactory = _ => "week" };
        period.AcceptOnlyFromAmong([.. MetricsRequest.Periods]);
        var northStar = new Option<bool>("--north-star") { Description = "Only the North Star: weekly active collaborative workspaces (with --json, the north_star part of the metrics)" };
        var output = OutOption.Create();
        var command = new Command("metrics", "Engagement: North Star, DAU/WAU/MAU, stickiness, activation, feature adoption, power users, lifecycle")
        { output, asOf, period, northStar };
        scope.AddTo(command);
        command.SetAction(result =>
        {
            var console = Terminal.For(result);
            var project = globals.OpenProject(result);
            var metrics = MetricsRequest.Engagement(project, RequestOptions.Read(result, [asOf, period, northStar, .. scope.Options]));
            GlobalOptions.NoteEngine(result, project);
            OutOption.Write(result, output, "metrics_summary.json", metrics, engagement: metrics);
            var northStarOnly = result.GetValue(northStar);
            if (result.GetValue(globals.Json))
            {
                if (northStarOnly) ResultJson.Write(Terminal.Out(result), metrics.NorthStar);
                else ResultJson.Write(Terminal.Out(result), metrics);
                return Program.ExitOk;
            }
            if (northStarOnly) MetricsPrinter.PrintNorthStar(console, metrics);
            else MetricsPrinter.Print(console, metrics);
            return Program.ExitOk;
        });
        return command;
    }
}
