using System.CommandLine;
using Sextant.Analysis;
using Sextant.Analysis.Funnels;
using Sextant.Analysis.Syntax;
using Sextant.Cli.Output;
using Sextant.Configuration;
using Sextant.Configuration.Queries;
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
            var config = project.Config;
            if (result.GetValue(lifecycle))
            {
                if (result.GetValue(steps) is not null || result.GetValue(name) is not null) throw new SextantException("--lifecycle takes no --steps or --name");
                if (config.Activation.Events.Count == 0) throw new SextantException("the lifecycle funnel's Activation stage needs activation.events in sextant.yaml (the events that activate a user)");
                var store = project.Table;
                var lifecycleScope = scopeOptions.Read(result, project);
                var stages = project.Run(FunnelQueries.Lifecycle(config) with
                {
                    Range = lifecycleScope.Range,
                    Cohort = lifecycleScope.Cohort,
                    Breakdowns = lifecycleScope.Breakdowns,
                    BreakdownLimit = lifecycleScope.Limit,
                }) with
                {
                    Warnings = NameCheck.ConfigWarnings(store, ("activity.exclude_events", config.Activity.ExcludeEvents), ("activation.events", config.Activation.Events),
                        ("north_star.collaboration_events", config.NorthStar.CollaborationEvents), ("milestones.monetization_events", config.Milestones.MonetizationEvents)),
                };
                OutOption.Write(result, output, "lifecycle_funnel.json", stages);
                if (result.GetValue(globals.Json)) ResultJson.Write(Terminal.Out(result), stages);
                else PrintLifecycle(console, stages);
                return Program.ExitOk;
            }
            var query = Query(result, config, steps, name, window, order, exclude);
            var table = project.Names;
            var scope = scopeOptions.Read(result, project);
            query = query with { Range = scope.Range, Cohort = scope.Cohort, Breakdowns = scope.Breakdowns, BreakdownLimit = scope.Limit };
            // Names typed on the command line must exist; those of a funnel named in sextant.yaml are warnings.
            var typedExclude = result.GetValue(exclude) is { Length: > 0 };
            IReadOnlyList<string> warnings = [];
            if (result.GetValue(name) is { } funnelName)
            {
                warnings = NameCheck.FunnelWarnings(table, typedExclude ? query with { Exclude = default } : query, $"funnels.{funnelName}");
                if (typedExclude) NameCheck.Events(table, query.Exclude, "--exclude");
            }
            else CheckNames(table, query);
            var funnel = project.Run(query) with { Warnings = warnings };
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
            foreach (var value in funnel.Breakdown)
            {
                var p = value.PValueVsRest < 0.0001 ? "p < 0.0001" : $"p = {value.PValueVsRest:0.0000}";
                var ratio = value.RatioToRest is { } r ? $"{r:0.00}× the rest [{value.RatioLow:0.00}, {value.RatioHigh:0.00}], {p}" : "no comparison";
                console.Write(StepTable($"{Breakdowns.Label([.. query.Breakdowns.Select(b => b.ToString())])} = {value.Value}: overall {Terminal.Percent(value.OverallConversion)}, {ratio}", value.Steps));
            }
            return Program.ExitOk;
        });
        return command;
    }

    /// <summary>The funnel of --steps with its flags, or the named one from sextant.yaml (whose window, order and exclusions the flags override when given).</summary>
    private static FunnelQuery Query(ParseResult result, SextantConfig config, Option<string?> steps, Option<string?> name, Option<string> window, Option<string> order, Option<string[]> exclude)
    {
        var stepsText = result.GetValue(steps);
        var funnelName = result.GetValue(name);
        if ((stepsText is null) == (funnelName is null)) throw new SextantException("give either --steps or --name");
        var query = stepsText is not null
            ? new FunnelQuery(FunnelStepText.ParseList(stepsText), FunnelQuery.DefaultWindow)
            : FunnelQueries.FromConfig(config.Funnels.FirstOrDefault(f => f.Name == funnelName)
                ?? throw new SextantException($"no funnel named '{funnelName}' in the configuration (named funnels: {(config.Funnels.Count == 0 ? "none" : string.Join(", ", config.Funnels.Select(f => f.Name)))})"));
        if (stepsText is not null || result.GetResult(window) is { Implicit: false }) query = query with { Window = DurationText.Parse(result.GetValue(window)!, "--window") };
        if (stepsText is not null || result.GetResult(order) is { Implicit: false }) query = query with { Order = Enum.Parse<FunnelOrder>(result.GetValue(order)!, ignoreCase: true) };
        if (result.GetValue(exclude) is { Length: > 0 } excluded) query = query with { Exclude = excluded };
        return query;
    }

    /// <summary>Every step event, filter property and excluded event must exist in the store: a typo is an error, not a 0.</summary>
    private static void CheckNames(IStoredNames table, FunnelQuery query)
    {
        foreach (var step in query.Steps)
        {
            var where = step.Events.Count == 1 && step.Filters.Count == 0 ? null : $"step '{step.Name}'";
            NameCheck.Events(table, step.Events, where);
            foreach (var filter in step.Filters) NameCheck.Property(table, filter.Property, where);
        }
        NameCheck.Events(table, query.Exclude, "--exclude");
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
