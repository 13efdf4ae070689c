using System.CommandLine;
using Sextant.Analysis.Engagement;
using Sextant.Cli.Output;
using Spectre.Console;

namespace Sextant.Cli.Commands;

/// <summary><c>sextant metrics</c>: DAU / WAU / MAU, stickiness, calendar actives and activation.</summary>
internal static class MetricsCommand
{
    public static Command Create(GlobalOptions globals)
    {
        var command = new Command("metrics", "Engagement: DAU/WAU/MAU, stickiness, weekly and monthly actives, activation");
        command.SetAction(result =>
        {
            var config = globals.LoadConfig(result);
            var metrics = EngagementRunner.Run(globals.LoadTable(result, config), new EngagementQuery(config.Activity.ExcludeEvents));
            if (result.GetValue(globals.Json))
            {
                JsonOutput.Write(metrics);
                return Program.ExitOk;
            }
            Print(metrics);
            return Program.ExitOk;
        });
        return command;
    }

    internal static void Print(EngagementResult metrics)
    {
        var last = metrics.Dau.Count - 1;
        if (last < 0)
        {
            AnsiConsole.MarkupLine("No events in the store.");
            return;
        }
        var grid = new Grid().AddColumn().AddColumn();
        grid.AddRow("data end", metrics.DataEnd);
        grid.AddRow($"DAU / WAU / MAU on {metrics.Dau[last].Date}", $"{Terminal.Number(metrics.Dau[last].Users)} / {Terminal.Number(metrics.Wau[last].Users)} / {Terminal.Number(metrics.Mau[last].Users)}");
        grid.AddRow($"stickiness (mean DAU/MAU, last {metrics.Stickiness.Days} complete days)", $"{metrics.Stickiness.Headline:P1}");
        var activation = metrics.Activation;
        grid.AddRow($"activation ({string.Join(activation.Match == "all" ? " + " : " or ", activation.Events)} within {activation.WindowDays} days)",
            Markup.Escape($"{activation.Rate:P1} [{activation.CiLow:P1}–{activation.CiHigh:P1}] of {activation.Eligible:N0}"));
        grid.AddRow("median time to activate", activation.MedianHoursToActivate is { } hours ? $"{hours:0.0} h" : "-");
        grid.AddRow("fast activators (< 24 h)", $"{activation.FastShare:P1} of activated");
        AnsiConsole.Write(grid);
        var months = new Table().Border(TableBorder.Rounded).Title("monthly active users").AddColumns("month", "users", "");
        foreach (var month in metrics.Monthly.TakeLast(12)) months.AddRow(month.Period, Terminal.Number(month.Users), month.Complete ? "" : "partial");
        AnsiConsole.Write(months);
    }
}
