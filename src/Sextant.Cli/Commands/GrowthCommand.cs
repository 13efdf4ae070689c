using System.CommandLine;
using System.Globalization;
using Sextant.Analysis;
using Sextant.Analysis.Growth;
using Sextant.Cli.Output;
using Sextant.Configuration.Queries;
using Sextant.Engine;
using Sextant.Engine.InMemory;
using Sextant.Events;
using Sextant.Reports;
using Sextant.Serialization;
using Spectre.Console;

namespace Sextant.Cli.Commands;

/// <summary><c>sextant growth</c>: the five growth levers on measured baselines, Monte Carlo impact, ranking, a compound projection and a tornado.</summary>
internal static class GrowthCommand
{
    public static Command Create(GlobalOptions globals)
    {
        var draws = new Option<int>("--draws") { Description = "Monte Carlo draws (default 10000)", DefaultValueFactory = _ => 10_000 };
        var seed = new Option<int>("--seed") { Description = "Random seed (default 42)", DefaultValueFactory = _ => 42 };
        var output = OutOption.Create();
        var scope = new ScopeOptions(breakdowns: false);
        var command = new Command("growth", "Growth levers: revenue impact ranges, ranking, 12-month compound projection, sensitivity") { draws, seed, output };
        scope.AddTo(command);
        command.SetAction(result =>
        {
            var console = Terminal.For(result);
            var project = globals.OpenProject(result);
            var (range, cohort, _, _) = scope.Read(result, project);
            var growth = Run(project.Table, project.Config, result.GetValue(draws), result.GetValue(seed), range, cohort);
            if (result.GetValue(output) is { } directory)
            {
                GrowthFiles.Write(directory, growth);
                OutputFile.WriteText(Path.Combine(directory, "growth.json"), ResultJson.Serialize(growth));
            }
            if (result.GetValue(globals.Json))
            {
                ResultJson.Write(Terminal.Out(result), growth);
                return Program.ExitOk;
            }
            Terminal.Warnings(console, growth.Warnings);
            Print(console, growth);
            return Program.ExitOk;
        });
        return command;
    }

    /// <summary>Measures the baselines and runs the model with the project's business assumptions.</summary>
    internal static GrowthResult Run(EventTable table, Configuration.SextantConfig config, int draws, int seed, TimeRange range = default, Cohort? cohort = null)
    {
        if (draws is < 100 or > 10_000_000) throw new SextantException($"--draws {draws} must be between 100 and 10,000,000");
        if (config.Growth.Levers.Count == 0)
            throw new SextantException("no growth levers to model: list them under growth.levers in sextant.yaml (name, moves, uplift; docs/GROWTH.md)");
        var query = GrowthQueries.FromConfig(config, draws, seed).Within(range, cohort);
        var growth = new InMemoryEngine(table).Run(query) with { Warnings = GrowthQueries.ConfigWarnings(table, query.Levers) };
        // A range or cohort without an active user would model every lever at $0: say so instead.
        if ((!range.IsAll || cohort is not null) && growth.Baseline.SampleMau == 0)
            throw new SextantException($"no active user in the chosen {(cohort is null ? "dates" : $"dates and cohort '{cohort.Name}'")}: nothing to model growth on");
        return growth;
    }

    private static void Print(IAnsiConsole console, GrowthResult growth)
    {
        var baseline = growth.Baseline;
        console.MarkupLine(Markup.Escape(baseline.Extrapolated
            ? $"Baseline: {Money(baseline.SampleAnnualRevenue)} revenue in the last 12 complete months of data (measured), × {baseline.ScaleFactor:0.#} (business.mau / sample MAU) = {Money(baseline.AnnualRevenue)} a year (extrapolated)."
            : $"Baseline: {Money(baseline.SampleAnnualRevenue)} revenue in the last 12 complete months of data (measured; set business.mau to also see figures at business scale)."));
        var table = new Table().Border(TableBorder.Rounded)
            .Title(baseline.Extrapolated ? "growth levers, first-year revenue impact (modelled, extrapolated to business.mau)" : "growth levers, first-year revenue impact on the sample's revenue (modelled)")
            .AddColumns("#", "lever", "moves (measured)", "audience", "uplift low / likely / high", "confidence", "effort", "P10", "P50", "P90");
        if (baseline.Extrapolated) table.AddColumn("P50 at sample scale");
        foreach (var l in growth.Levers)
        {
            var cells = new List<string>
            {
                l.Rank.ToString(CultureInfo.InvariantCulture), Markup.Escape(l.Lever), Markup.Escape($"{l.Rate} {Terminal.Percent(l.Baseline)}"), Terminal.Percent(l.AudienceShare),
                $"{Terminal.Percent(l.UpliftLow)} / {Terminal.Percent(l.UpliftLikely)} / {Terminal.Percent(l.UpliftHigh)}", Terminal.Percent(l.Confidence),
                $"{l.EffortMonths:0.#} pm", Money(l.P10), Money(l.P50), Money(l.P90),
            };
            if (baseline.Extrapolated) cells.Add(Money(baseline.ScaleFactor > 0 ? l.P50 / baseline.ScaleFactor : 0));
            table.AddRow(cells.ToArray());
        }
        console.Write(table);
        console.MarkupLine(Markup.Escape($"Top 3 together ({string.Join(", ", growth.TopLevers)}), 12 months, multiplicative: additional revenue P10 {Money(growth.CompoundAdditionalP10)}, P50 {Money(growth.CompoundAdditionalP50)}, P90 {Money(growth.CompoundAdditionalP90)}."));
        foreach (var row in growth.Sensitivity.Take(5))
            console.MarkupLine(Markup.Escape($"  sensitivity: {row.Lever} {row.Parameter} {row.LowValue:0.###} → {row.HighValue:0.###}: {Money(row.ImpactAtLow)} → {Money(row.ImpactAtHigh)}"));
        console.MarkupLine(Markup.Escape(growth.Label + "."));
    }

    private static string Money(double value) => "$" + value.ToString("N0", CultureInfo.InvariantCulture);
}
