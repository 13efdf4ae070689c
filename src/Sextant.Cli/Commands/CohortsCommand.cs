using System.CommandLine;
using Sextant.Application.Requests;
using Sextant.Cli.Output;
using Sextant.Serialization;
using Spectre.Console;

namespace Sextant.Cli.Commands;

/// <summary><c>sextant cohorts</c>: the cohorts saved in sextant.yaml, their definitions and sizes.</summary>
internal static class CohortsCommand
{
    public static Command Create(GlobalOptions globals)
    {
        var scope = new ScopeOptions(breakdowns: false);
        var command = new Command("cohorts", "The cohorts of sextant.yaml (cohorts:) with their definitions and sizes");
        scope.AddTo(command);
        command.SetAction(result =>
        {
            var console = Terminal.For(result);
            var project = globals.OpenProject(result);
            var sizes = CohortsRequest.Sizes(project, RequestOptions.Read(result, scope.Options));
            if (result.GetValue(globals.Json))
            {
                ResultJson.Write(Terminal.Out(result), sizes);
                return Program.ExitOk;
            }
            var table = new Table().Border(TableBorder.Rounded).Title($"cohorts of {Terminal.Number(sizes.Users)} users")
                .AddColumns("cohort", "users", "share", "95% interval", "visitors", "definition");
            foreach (var index in new[] { 1, 2, 4 }) table.Columns[index].RightAligned();
            foreach (var c in sizes.Cohorts)
                table.AddRow(Markup.Escape(c.Name), Terminal.Number(c.Users), Terminal.Percent(c.Share),
                    $"{Terminal.Percent(c.CiLow)}–{Terminal.Percent(c.CiHigh)}", Terminal.Number(c.Visitors), Markup.Escape(c.Definition));
            console.Write(table);
            return Program.ExitOk;
        });
        return command;
    }
}
