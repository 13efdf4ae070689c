using System.CommandLine;
using Sextant.Analysis;
using Sextant.Analysis.Funnels;
using Sextant.Application.Requests;
using Sextant.Cli.Output;
using Sextant.Serialization;
using Spectre.Console;

namespace Sextant.Cli.Commands;

/// <summary><c>sextant funnel --steps a,b,c</c>: multi-step conversion with windows, orders, exclusions and breakdowns.</summary>
internal static class FunnelCommand
{
    public static Command Create(GlobalOptions globals)
    {
        var steps = new Option<string?>("--steps") { Description = "Comma-separated steps; a step may be a set and carry property filters: signup,create_page|use_template,edit_page[platform=ios]" };
        var name = new Option<string?>("--name") { Description = "A funnel named in sextant.yaml (funnels:)" };
        var lifecycle = new Option<bool>("--lifecycle") { Description = "The seven-stage lifecycle funnel, Awareness → Monetization, with milestones from sextant.yaml" };
        var window = new Option<string>("--window") { Description = "Conversion window from step 1 (default 14d)", DefaultValueFactory = _ => "14d" };
        var order = new Option<string>("--order") { Description = "ordered (default), strict or unordered", DefaultValueFactory = _ => "ordered" };
        order.AcceptOnlyFromAmong("ordered", "strict", "unordered");
        var exclude = new Option<string[]>("--exclude") { Description = "Event that removes a user when it occurs between step 1 and their last step (repeatable)" };
        var scopeOptions = new ScopeOptions();

        var output = OutOption.Create();
        var command = new Command("funnel", "Conversion through a sequence of steps") { output, steps, name, lifecycle, window, order, exclude };
        scopeOptions.AddTo(command);
        command.SetAction(result =>
        {
            var console = Terminal.For(result);
            var project = globals.OpenProject(result);
            var parameters = RequestOptions.Read(result, [steps, name, lifecycle, window, order, exclude, .. scopeOptions.Options]);
            if (result.GetValue(lifecycle))
            {
                var stages = FunnelRequest.Lifecycle(project, parameters);
                OutOption.Write(result, output, "lifecycle_funnel.json", stages);
                if (result.GetValue(globals.Json)) ResultJson.Write(Terminal.Out(result), stages);
                else PrintLifecycle(console, stages);
                return Program.ExitOk;
            }
            var funnel = FunnelRequest.Funnel(project, parameters);
            GlobalOptions.NoteEngine(result, project);
            OutOption.Write(result, output, "funnel.json", funnel, funnel: funnel);
            if (result.GetValue(globals.Json))
            {
                ResultJson.Write(Terminal.Out(result), funnel);
                return Program.ExitOk;
            }
            foreach (var warning in funnel.Warnings) console.MarkupLine("[yellow]warning:[/] " + Markup.Escape(warning));
            console.Write(StepTable("funnel", funnel.Steps));
            if (funnel.BiggestDropStep is { } drop)
                console.MarkupLine($"Biggest drop: {Markup.Escape(funnel.Steps[drop - 1].Name)} → {Markup.Escape(funnel.Steps[drop].Name)} ({Terminal.Percent(1 - funnel.Steps[drop].ConversionFromPrevious)} of users lost).");
            if (funnel.ExcludedUsers > 0) console.MarkupLine($"{Terminal.Number(funnel.ExcludedUsers)} users excluded.");
            var groupLabel = Breakdowns.Label([.. project.Breakdowns(result.GetValue(scopeOptions.Breakdown)).Select(b => b.ToString())]);
            foreach (var value in funnel.Breakdown)
            {
                var p = value.PValueVsRest < 0.0001 ? "p < 0.0001" : $"p = {value.PValueVsRest:0.0000}";
                var ratio = value.RatioToRest is { } r ? $"{r:0.00}× the rest [{value.RatioLow:0.00}, {value.RatioHigh:0.00}], {p}" : "no comparison";
                console.Write(StepTable($"{groupLabel} = {value.Value}: overall {Terminal.Percent(value.OverallConversion)}, {ratio}", value.Steps));
            }
            return Program.ExitOk;
        });
        return command;
    }

    private static void PrintLifecycle(IAnsiConsole console, LifecycleFunnelResult funnel)
    {
        Terminal.Warnings(console, funnel.Warnings);
        console.Write(StepTable($"lifecycle funnel (users whose first {funnel.ObservationDays} days had ended)", funnel.Steps));
        if (funnel.BiggestDropStage is { } drop)
            console.MarkupLine($"Biggest drop: {Markup.Escape(funnel.Steps[drop - 1].Name)} → {Markup.Escape(funnel.Steps[drop].Name)} ({Terminal.Percent(1 - funnel.Steps[drop].ConversionFromPrevious)} lost).");
        console.MarkupLine($"Left out as too recent to judge: {Terminal.Number(funnel.CensoredUsers)} users, {Terminal.Number(funnel.CensoredVisitors)} visitors.");
        foreach (var value in funnel.Breakdown)
            console.Write(StepTable($"{value.Value}: overall {Terminal.Percent(value.OverallConversion)}", value.Steps));
    }

    private static Table StepTable(string title, IReadOnlyList<FunnelStepResult> steps)
    {
        var table = new Table().Border(TableBorder.Rounded).Title(Markup.Escape(title))
            .AddColumns("step", "users", "from previous (95% CI)", "from step 1", "median time", "p90 time");
        foreach (var column in table.Columns.Skip(1)) column.RightAligned();
        foreach (var step in steps)
        {
            table.AddRow(Markup.Escape(step.Name), Terminal.Number(step.Users),
                Markup.Escape($"{Terminal.Percent(step.ConversionFromPrevious)} [{Terminal.Percent(step.CiLow)}–{Terminal.Percent(step.CiHigh)}]"),
                Terminal.Percent(step.ConversionFromStart), Duration(step.MedianSecondsFromPrevious), Duration(step.P90SecondsFromPrevious));
        }
        return table;
    }


    private static string Duration(double? seconds) => seconds switch
    {
        null => "-",
        < 120 => $"{seconds:0} s",
        < 7200 => $"{seconds / 60:0} min",
        < 172_800 => $"{seconds / 3600:0.0} h",
        _ => $"{seconds / 86_400:0.0} d",
    };
}
