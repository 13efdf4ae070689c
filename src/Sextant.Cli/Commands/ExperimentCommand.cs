using System.CommandLine;
using System.Globalization;
using Sextant.Analysis.Experiments;
using Sextant.Application.Requests;
using Sextant.Cli.Output;
using Sextant.Serialization;
using Spectre.Console;

namespace Sextant.Cli.Commands;

/// <summary><c>sextant experiment NAME</c>: A/B/n analysis with SRM, lifts, tests, segments, guardrails and a verdict.</summary>
internal static class ExperimentCommand
{
    public static Command Create(GlobalOptions globals)
    {
        var name = new Argument<string>("name") { Description = "The experiment, as named in the assignments" };
        var metric = new Option<string[]>("--metric") { Description = "conversion:EVENT[:within=7d], count:EVENT, sum:PROPERTY[@EVENT], ratio:NUM/DEN or active_on_day:N (repeatable; the first is primary)" };
        var control = new Option<string?>("--control") { Description = "Control variant (default: from sextant.yaml, else control)" };
        var cuped = new Option<bool>("--cuped") { Description = "Reduce variance with the same metric measured before exposure (CUPED)" };
        var sequential = new Option<bool>("--sequential") { Description = "Always-valid intervals, safe to look at any time" };
        var relative = new Option<bool>("--relative") { Description = "Intervals and p-values of the relative lift (t at Welch–Satterthwaite df, as GrowthBook); absolute ones as absolute_ci_low, absolute_ci_high, absolute_p_value" };
        var bayesian = new Option<bool>("--bayesian") { Description = "Show chance to win and expected loss (always in JSON)" };
        var segment = new Option<string[]>("--segment") { Description = "Analyse within each value of a profile attribute (plan), an event property (event.platform) or a cohort (cohort.NAME); repeatable, each on its own" };
        var window = new Option<string?>("--window") { Description = "Analysis window after exposure, e.g. 14d (default: sextant.yaml, else up to the data end)" };
        var variantAttribute = new Option<string?>("--variant-attribute") { Description = "Take variants from this profile attribute instead of the assignments (one row per user exports)" };
        var alternative = new Option<string>("--alternative") { Description = "two-sided (default), greater or less: the treatment above / below the control", DefaultValueFactory = _ => "two-sided" };
        alternative.AcceptOnlyFromAmong("two-sided", "greater", "less");
        var scope = new ScopeOptions();
        var command = new Command("experiment", "Analyse an A/B/n experiment") { name, metric, control, cuped, sequential, relative, bayesian, segment, window, variantAttribute, alternative };
        scope.AddTo(command);
        command.SetAction(result =>
        {
            var console = Terminal.For(result);
            var project = globals.OpenProject(result);
            var parameters = RequestOptions.Read(result, [metric, control, cuped, sequential, relative, segment, window, variantAttribute, alternative, .. scope.Options], [name]);
            var experiment = ExperimentRequest.Experiment(project, parameters);
            GlobalOptions.NoteEngine(result, project);
            if (result.GetValue(globals.Json))
            {
                ResultJson.Write(Terminal.Out(result), experiment);
                return Program.ExitOk;
            }
            Print(console, experiment, result.GetValue(bayesian));
            return Program.ExitOk;
        });
        return command;
    }

    private static void Print(IAnsiConsole console, ExperimentResult experiment, bool bayesian)
    {
        foreach (var warning in experiment.Warnings) console.MarkupLine("[yellow]warning:[/] " + Markup.Escape(warning));
        console.MarkupLine(Markup.Escape($"Experiment {experiment.Experiment}: " + string.Join(", ", experiment.Arms.Select(a => $"{a.Variant} {a.Users:N0}")) +
            $" users; {experiment.ExcludedMultipleExposure:N0} excluded (saw several variants). Sample ratio: χ² = {experiment.Srm.Chi2:0.00}, p = {experiment.Srm.PValue:0.0000}{(experiment.Srm.Mismatch ? " — MISMATCH" : "")}."));
        foreach (var metric in experiment.Metrics)
        {
            var table = new Table().Border(TableBorder.Rounded)
                .Title(Markup.Escape($"{metric.Name} ({metric.Test}{(metric.CupedTheta is { } theta ? $", CUPED θ = {theta:0.000}" : "")}{(metric.Sequential ? ", always-valid intervals" : "")}{(metric.SmallSample ? ", small sample" : "")})"))
                .AddColumns("variant", "users", "mean", "lift", "relative lift (95% CI)", "p (adjusted)");
            if (bayesian) table.AddColumns("chance to win", "expected loss");
            var control = metric.Arms[0];
            var controlRow = new List<string> { Markup.Escape(control.Variant + " (control)"), control.N.ToString("N0", CultureInfo.InvariantCulture), Number(control.Mean), "", "", "" };
            if (bayesian) controlRow.AddRange(["", ""]);
            table.AddRow(controlRow.ToArray());
            for (var i = 0; i < metric.Comparisons.Count; i++)
            {
                var c = metric.Comparisons[i];
                var arm = metric.Arms[i + 1];
                var row = new List<string>
                {
                    Markup.Escape(c.Variant), arm.N.ToString("N0", CultureInfo.InvariantCulture), Number(arm.Mean),
                    Markup.Escape($"{Number(c.AbsoluteLift)} [{Number(c.AbsoluteCiLow ?? c.CiLow)}, {Number(c.AbsoluteCiHigh ?? c.CiHigh)}]"),
                    Markup.Escape($"{Percent(c.RelativeLift)} [{Percent(c.RelativeCiLow)}, {Percent(c.RelativeCiHigh)}]"),
                    $"{Number(c.PValue)} ({Number(c.AdjustedPValue)}){(c.Significant ? " *" : "")}",
                };
                if (bayesian) row.AddRange([Terminal.Percent(c.ChanceToWin), Number(c.ExpectedLoss)]);
                table.AddRow(row.ToArray());
            }
            console.Write(table);
        }
        foreach (var guardrail in experiment.Guardrails.Where(g => g.Segment is null || g.Harmed))
            console.MarkupLine(Markup.Escape($"Guardrail {guardrail.Metric} ({guardrail.Variant}{(guardrail.Segment is null ? "" : ", " + guardrail.Segment)}): {Percent(guardrail.RelativeLift)} [{Percent(guardrail.CiLow)}, {Percent(guardrail.CiHigh)}], margin {Percent(-guardrail.Margin)}: " +
                (guardrail.Harmed ? "HARMED" : guardrail.NonInferior ? "not harmed beyond the margin" : "harm beyond the margin not ruled out")));
        foreach (var segment in experiment.Segments.Where(s => s.Heterogeneous))
            console.MarkupLine(Markup.Escape($"Segment {segment.Attribute} = {segment.Value} differs from the rest on {segment.Metric} (adjusted p = {Number(segment.HeterogeneityAdjustedPValue)}): " +
                string.Join(", ", segment.Comparisons.Select(c => $"{c.Variant} {Percent(c.RelativeLift)}"))));
        console.MarkupLine(Markup.Escape($"Verdict: {experiment.Verdict.Decision.Code().Replace('_', ' ')} — {experiment.Verdict.Reason}."));
    }

    private static string Number(double value) => value.ToString("0.####", CultureInfo.InvariantCulture);

    private static string Percent(double? value) => value is { } v ? Reports.NumberText.SignedPercent(v) : "n/a";
}
