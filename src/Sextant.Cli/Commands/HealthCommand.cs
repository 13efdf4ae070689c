using System.CommandLine;
using System.Globalization;
using Sextant.Analysis.Health;
using Sextant.Application.Requests;
using Sextant.Cli.Output;
using Sextant.Serialization;
using Spectre.Console;

namespace Sextant.Cli.Commands;

/// <summary><c>sextant health</c>: a 0–100 health score per recently active user, at-risk and expansion-ready flags, counts per segment.</summary>
internal static class HealthCommand
{
    public static Command Create(GlobalOptions globals)
    {
        var output = new Option<string?>("--out") { Description = "Directory for user_health.csv (one row per scored user)" };
        var scopeOptions = new ScopeOptions();
        var command = new Command("health", "User health: scores, at-risk and expansion-ready users, per segment") { output };
        scopeOptions.AddTo(command);
        command.SetAction(result =>
        {
            var console = Terminal.For(result);
            var project = globals.OpenProject(result);
            var health = HealthRequest.Health(project, RequestOptions.Read(result, scopeOptions.Options));
            if (result.GetValue(output) is { } directory)
            {
                OutputFile.CreateDirectory(directory);
                OutputFile.WriteText(Path.Combine(directory, "user_health.csv"), HealthCsv.Write(health));
            }
            if (result.GetValue(globals.Json))
            {
                ResultJson.Write(Terminal.Out(result), HealthSummary.Of(health));
                return Program.ExitOk;
            }
            Terminal.Warnings(console, health.Warnings);
            var table = new Table().Border(TableBorder.Rounded).Title("user health by segment").AddColumns("segment", "users", "at risk", "expansion-ready", "mean score");
            foreach (var column in table.Columns.Skip(1)) column.RightAligned();
            foreach (var s in health.Segments)
                table.AddRow(Markup.Escape(s.Segment), Terminal.Number(s.Users), Terminal.Number(s.AtRisk), Terminal.Number(s.ExpansionReady), s.MeanScore.ToString("0.0", CultureInfo.InvariantCulture));
            console.Write(table);
            if (health.Groups.Count > 0) PrintGroups(console, health, project.Breakdowns(result.GetValue(scopeOptions.Breakdown)));
            console.MarkupLine("Scored: signed-up users active in the last 90 days. Write every user's score with --out DIR (user_health.csv).");
            return Program.ExitOk;
        });
        return command;
    }

    private static void PrintGroups(IAnsiConsole console, HealthResult health, IReadOnlyList<Analysis.Breakdown> breakdowns)
    {
        var table = new Table().Border(TableBorder.Rounded).Title(Markup.Escape($"user health by {string.Join(" × ", breakdowns)}"))
            .AddColumns("group", "users", "at risk", "expansion-ready", "mean score");
        foreach (var column in table.Columns.Skip(1)) column.RightAligned();
        foreach (var g in health.Groups)
            table.AddRow(Markup.Escape(g.Value), Terminal.Number(g.Users), Terminal.Number(g.AtRisk), Terminal.Number(g.ExpansionReady), g.MeanScore.ToString("0.0", CultureInfo.InvariantCulture));
        console.Write(table);
    }
}
