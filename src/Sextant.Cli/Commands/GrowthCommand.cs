using System.CommandLine;
using System.Globalization;
using Sextant.Analysis.Growth;
using Sextant.Application.Requests;
using Sextant.Cli.Output;
using Sextant.Reports;
using Sextant.Serialization;
using Spectre.Console;

namespace Sextant.Cli.Commands;

/// <summary><c>sextant growth</c>: the five growth levers on measured baselines, Monte Carlo impact, ranking, a compound projection and a tornado.</summary>
internal static class GrowthCommand
{
    public static Command Create(GlobalOptions globals)
    {
        var draws = new Option<int>("--draws") { Description = "Monte Carlo draws (default 10000)", DefaultValueFactory = _ => GrowthRequest.DefaultDraws };
        var seed = new Option<int>("--seed") { Description = "Random seed (default 42)", DefaultValueFactory = _ => GrowthRequest.DefaultSeed };
        var output = OutOption.Create();
        var scope = new ScopeOptions(breakdowns: false);
        var command = new Command("growth", "Growth levers: revenue impact ranges, ranking, 12-month compound projection, sensitivity") { draws, seed, output };
        scope.AddTo(command);
        command.SetAction(result =>
        {
            var console = Terminal.For(result);
            var project = globals.OpenProject(result);
            var growth = GrowthRequest.Growth(project, RequestOptions.Read(result, [draws, seed, .. scope.Options]));
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
