using System.CommandLine;
using Sextant.Analysis;
using Sextant.Analysis.Cohorts;
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
            if (project.Config.Cohorts.Count == 0)
                throw new SextantException("sextant.yaml defines no cohorts: add a cohorts list (see docs/CONFIG.md, Cohorts)");
            var range = scope.Read(result, project).Range;
            var name = result.GetValue(scope.Cohort);
            var cohorts = name is null ? project.Config.Cohorts : [project.Cohort(name)];
            var sizes = project.Run(new CohortSizesQuery(ValueList.From(cohorts), range));
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
