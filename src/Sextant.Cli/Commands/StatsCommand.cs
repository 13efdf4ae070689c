using System.CommandLine;
using System.Globalization;
using Sextant.Analysis.Experiments;
using Sextant.Application.Requests;
using Sextant.Cli.Output;
using Sextant.Serialization;
using Spectre.Console;

namespace Sextant.Cli.Commands;

/// <summary><c>sextant stats</c>: experiment statistics from per-arm sums a warehouse query produced.</summary>
internal static class StatsCommand
{
    private static readonly string[] Columns = ["variant", "n", "sum", "sum_squares", "covariate_sum", "covariate_sum_squares", "cross_sum"];

    public static Command Create(GlobalOptions globals)
    {
        var input = new Option<string?>("--input") { Description = "CSV with columns variant,n,sum,sum_squares[,covariate_sum,covariate_sum_squares,cross_sum]" };
        var arm = new Option<string[]>("--arm") { Description = "NAME:n=…,sum=…,sum_squares=… (repeatable; instead of --input)" };
        var control = new Option<string>("--control") { Description = "Control arm (default control)", DefaultValueFactory = _ => "control" };
        var proportion = new Option<bool>("--proportion") { Description = "The metric is 0/1: variance p(1 − p)" };
        var relative = new Option<bool>("--relative") { Description = "Intervals and p-values of the relative lift (t at Welch–Satterthwaite df, as GrowthBook); absolute ones as absolute_ci_low, absolute_ci_high, absolute_p_value" };
        var bayesian = new Option<bool>("--bayesian") { Description = "Show chance to win and expected loss (always in JSON)" };
        var sequential = new Option<double?>("--sequential") { Description = "Always-valid intervals with tuning N* (e.g. 5000)" };
        var cuped = new Option<bool>("--cuped") { Description = "Adjust with the covariate sums (CUPED)" };
        var alpha = new Option<double>("--alpha") { Description = "Significance level (default 0.05)", DefaultValueFactory = _ => 0.05 };
        var alternative = new Option<string>("--alternative") { Description = "two-sided (default), greater or less: the treatment above / below the control", DefaultValueFactory = _ => "two-sided" };
        alternative.AcceptOnlyFromAmong("two-sided", "greater", "less");
        var command = new Command("stats", "Experiment statistics from per-arm n, sum and sum of squares") { input, arm, control, proportion, relative, bayesian, sequential, cuped, alpha, alternative };
        command.SetAction(result =>
        {
            var console = Terminal.For(result);
            var arms = result.GetValue(input) is { } path ? ReadCsv(path) : (result.GetValue(arm) ?? []).Select(ParseArm).ToList();
            var metric = SufficientStatistics.Analyse(arms, result.GetValue(control)!, result.GetValue(proportion), result.GetValue(cuped),
                result.GetValue(sequential) is not null, result.GetValue(sequential) ?? 5000, result.GetValue(alpha), ExperimentRequest.AlternativeOf(result.GetValue(alternative)!), result.GetValue(relative));
            if (result.GetValue(globals.Json))
            {
                ResultJson.Write(Terminal.Out(result), new { metric.Test, metric.CupedTheta, metric.Sequential, metric.Arms, metric.Comparisons });
                return Program.ExitOk;
            }
            var table = new Table().Border(TableBorder.Rounded).AddColumns("variant", "n", "mean", result.GetValue(relative) ? "relative lift (CI)" : "lift (CI)", "p (Holm)", "chance to win", "expected loss");
            foreach (var c in metric.Comparisons)
            {
                var lift = result.GetValue(relative)
                    ? $"{Signed(c.RelativeLift)} [{Signed(c.RelativeCiLow)}, {Signed(c.RelativeCiHigh)}]"
                    : $"{c.AbsoluteLift:G6} [{c.CiLow:G6}, {c.CiHigh:G6}]";
                var armStats = metric.Arms.Single(a => a.Variant == c.Variant);
                table.AddRow(Markup.Escape(c.Variant), armStats.N.ToString("N0", CultureInfo.InvariantCulture), armStats.Mean.ToString("G6", CultureInfo.InvariantCulture),
                    Markup.Escape(lift), $"{c.PValue:G4} ({c.AdjustedPValue:G4}){(c.Significant ? " *" : "")}",
                    result.GetValue(bayesian) ? Terminal.Percent(c.ChanceToWin) : "-", result.GetValue(bayesian) ? c.ExpectedLoss.ToString("G4", CultureInfo.InvariantCulture) : "-");
            }
            console.MarkupLine(Markup.Escape($"control {metric.Arms[0].Variant}: n {metric.Arms[0].N:N0}, mean {metric.Arms[0].Mean:G6}; test {metric.Test}{(metric.CupedTheta is { } theta ? $", CUPED θ = {theta:G4}" : "")}"));
            console.Write(table);
            return Program.ExitOk;
        });
        return command;
    }

    private static string Signed(double? fraction) => fraction is { } f ? Reports.NumberText.SignedPercent(f) : "n/a";

    private static ArmInput ParseArm(string text)
    {
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0) throw new SextantException($"--arm '{text}' is not NAME:n=…,sum=…,sum_squares=…");
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in text[(colon + 1)..].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0) throw new SextantException($"--arm '{text}': '{pair}' is not key=value");
            values[pair[..equals]] = pair[(equals + 1)..];
        }
        return Arm(text[..colon], key => values.GetValueOrDefault(key), $"--arm '{text}'");
    }

    private static List<ArmInput> ReadCsv(string path)
    {
        string[] lines;
        try
        {
            lines = File.ReadAllLines(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new SextantException($"cannot read '{path}': {e.Message}", e);
        }
        if (lines.Length == 0) throw new SextantException($"{path}: the file is empty (expected a header: {string.Join(",", Columns)})");
        var header = lines[0].Split(',').Select(h => h.Trim().ToLowerInvariant()).ToList();
        foreach (var required in Columns.Take(4))
            if (!header.Contains(required)) throw new SextantException($"{path} line 1: no '{required}' column (expected {string.Join(",", Columns)})");
        var arms = new List<ArmInput>();
        for (var i = 1; i < lines.Length; i++)
        {
            if (string.IsNullOrWhiteSpace(lines[i])) continue;
            var cells = lines[i].Split(',');
            if (cells.Length != header.Count) throw new SextantException($"{path} line {i + 1}: {cells.Length} values, expected {header.Count}");
            arms.Add(Arm(cells[header.IndexOf("variant")].Trim(), key => header.IndexOf(key) is >= 0 and var at ? cells[at].Trim() : null, $"{path} line {i + 1}"));
        }
        return arms;
    }

    private static ArmInput Arm(string variant, Func<string, string?> value, string where)
    {
        double? Number(string key, bool required)
        {
            var text = value(key);
            if (string.IsNullOrEmpty(text))
                return required ? throw new SextantException($"{where}: missing {key}") : null;
            return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number)
                ? number
                : throw new SextantException($"{where}: {key} '{text}' is not a number");
        }
        var n = Number("n", required: true)!.Value;
        if (n < 0 || n != Math.Floor(n)) throw new SextantException($"{where}: n '{value("n")}' is not a whole number of units");
        return new ArmInput(variant, (long)n, Number("sum", true)!.Value, Number("sum_squares", true)!.Value,
            Number("covariate_sum", false), Number("covariate_sum_squares", false), Number("cross_sum", false));
    }
}
