using System.Collections;
using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Sextant.Analysis.Experiments;
using Sextant.Analysis.Funnels;
using Sextant.Reports;
using Sextant.Reports.Charts;
using Sextant.Reports.Executive;
using Sextant.Tests.Support;

namespace Sextant.Tests.Reports;

public sealed partial class ExecutiveReportTests(ReportInputsFixture fixture) : IClassFixture<ReportInputsFixture>
{
    private static readonly string[] Headings =
    [
        "Executive Summary", "North Star Metric Analysis", "Key Metrics Snapshot", "Funnel Analysis", "Retention Insights",
        "Experiments", "Growth Opportunities", "Strategic Recommendations", "Next Steps",
    ];

    private ReportInputs Inputs => fixture.Inputs;

    private static string Text(ReportInputs inputs) => TextRenderer.Render(ExecutiveReport.Build(inputs));

    /// <summary>The text with every run of whitespace made one space, so wrapped phrases can be searched for.</summary>
    private static string Flat(string text) => Whitespace().Replace(text, " ");

    private static string Percent(double rate) => (rate * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%";

    private static string Signed(double rate) => (rate * 100).ToString("+0.0;-0.0;0.0", CultureInfo.InvariantCulture) + "%";

    private static string Whole(double value) => value.ToString("#,0", CultureInfo.InvariantCulture);

    [Fact]
    public void Every_section_is_in_the_text_in_order_with_its_heading_underlined()
    {
        var lines = Text(Inputs).Split('\n');
        var positions = Headings.Select(h => Array.IndexOf(lines, h)).ToList();

        Assert.All(positions, p => Assert.True(p >= 0));
        Assert.Equal(positions.Order(), positions);
        Assert.All(positions, p => Assert.Equal(new string('-', lines[p].Length), lines[p + 1]));
        Assert.Equal(ExecutiveReport.Headings, Headings);
    }

    [Fact]
    public void Every_text_line_fits_in_one_hundred_columns()
    {
        Assert.All(Text(Inputs).Split('\n'), line => Assert.True(line.Length <= TextRenderer.Width, line));
    }

    [Fact]
    public void Every_section_is_in_the_markdown_in_order()
    {
        var lines = MarkdownRenderer.Render(ExecutiveReport.Build(Inputs)).Split('\n');
        var headings = lines.Where(l => l.StartsWith("## ", StringComparison.Ordinal)).Select(l => l[3..]).ToList();

        Assert.StartsWith("# ", lines[0]);
        Assert.Equal(Headings, headings);
    }

    [Fact]
    public void Html_parses_as_xml_has_every_section_in_order_and_loads_nothing()
    {
        var html = HtmlRenderer.Render(ExecutiveReport.Build(Inputs));
        Assert.StartsWith("<!DOCTYPE html>", html);

        var document = XDocument.Parse(html["<!DOCTYPE html>".Length..]);

        Assert.Equal(Headings, document.Descendants("h2").Select(h => h.Value).ToList());
        Assert.Empty(document.Descendants("script"));
        Assert.Empty(document.Descendants("link"));
        Assert.DoesNotContain(document.Descendants().Attributes(), a => a.Name.LocalName is "src" or "href");
        Assert.DoesNotContain("http", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(Palette.Positive, html);
    }

    [Fact]
    public void Files_are_written_in_three_formats()
    {
        using var directory = new TempDirectory();

        var paths = ExecutiveReportFiles.Write(directory.Path, Inputs);

        Assert.Equal(["analytics_framework_report.txt", "analytics_framework_report.md", "analytics_framework_report.html"], paths.Select(Path.GetFileName));
        Assert.Equal(Text(Inputs), File.ReadAllText(paths[0]));
        Assert.All(paths, p => Assert.Contains("Strategic Recommendations", File.ReadAllText(p)));
    }

    [Fact]
    public void Largest_lifecycle_drop_names_its_stages_and_the_share_lost()
    {
        var lifecycle = Inputs.Lifecycle;
        var stage = lifecycle.BiggestDropStage!.Value;
        var from = lifecycle.Steps[stage - 1];
        var to = lifecycle.Steps[stage];

        var text = Flat(Text(Inputs));

        Assert.Contains($"{from.Name} → {to.Name}: {Percent(1 - to.ConversionFromPrevious)} lost ({Whole(to.DropOff)} of {Whole(from.Users)})", text);
        Assert.Contains($"Work first on the move from {from.Name} to {to.Name}", text);
    }

    [Fact]
    public void Largest_funnel_drop_names_its_steps()
    {
        var funnel = Inputs.Funnel;
        var step = funnel.BiggestDropStep!.Value;

        Assert.Contains($"{funnel.Steps[step - 1].Name} → {funnel.Steps[step].Name}: {Percent(1 - funnel.Steps[step].ConversionFromPrevious)} lost", Flat(Text(Inputs)));
    }

    [Fact]
    public void Activation_rate_is_shown_with_its_interval()
    {
        var activation = Inputs.Metrics.Activation;

        Assert.Contains($"Activation rate: {Percent(activation.Rate)} [{Percent(activation.CiLow)}, {Percent(activation.CiHigh)}] ({Whole(activation.Activated)} of {Whole(activation.Eligible)}",
            Flat(Text(Inputs)));
    }

    [Fact]
    public void North_star_headline_is_the_last_complete_week_and_the_partial_week_is_only_flagged()
    {
        var star = Inputs.Metrics.NorthStar;
        var last = star.Weeks.Last(w => w.Complete);
        var partial = star.Weeks.Last(w => !w.Complete);
        var document = ExecutiveReport.Build(Inputs);
        var summary = TextRenderer.Render(document with { Sections = [document.Sections[0]] });

        Assert.Contains($"Headline, week of {last.Period} (the last complete week): {Whole(last.Users)} workspaces", Flat(Text(Inputs)));
        Assert.Contains($"about {Whole(star.Extrapolated!.Value)} workspaces", Flat(Text(Inputs)));
        Assert.Contains("extrapolat", Flat(summary));
        Assert.DoesNotContain(partial.Period, summary);
        Assert.Contains($"The week of {partial.Period} is incomplete", Flat(Text(Inputs)));
    }

    [Fact]
    public void Top_lever_is_named_with_its_range_and_labelled_modelled()
    {
        var top = Inputs.Growth.Levers.Single(l => l.Rank == 1);

        Assert.Contains($"{top.Lever} (rank 1): P10 {Whole(top.P10)} / P50 {Whole(top.P50)} / P90 {Whole(top.P90)} {Inputs.Revenue.Currency} first-year revenue (modelled, extrapolated)",
            Flat(Text(Inputs)));
        Assert.Contains($"Prioritise {top.Lever}", Flat(Text(Inputs)));
    }

    [Fact]
    public void Experiment_metrics_are_named_in_words_not_in_the_spec_grammar()
    {
        // Given the first experiment judged on active_on_day:30:span=30 (active on any of days 30 to 59)
        var experiment = Inputs.Experiments[0];
        var metric = experiment.Metrics[0] with { Name = "active_on_day:30:span=30" };
        var inputs = Inputs with { Experiments = [experiment with { Metrics = [metric, .. experiment.Metrics.Skip(1)] }, .. Inputs.Experiments.Skip(1)] };

        var text = Flat(Text(inputs));

        Assert.Contains("relative to control on active on days 30–59", text);
        Assert.DoesNotContain("active_on_day:30", text);
    }

    [Fact]
    public void Fast_activators_are_compared_with_slow_activators_and_the_never_activated_are_reported_apart()
    {
        // Given month-1 retention of 50 of 100 fast, 25 of 100 slow and 5 of 100 never-activated users
        var speed = Inputs.Metrics.ActivationSpeed with
        {
            Groups = [new("fast activators (< 24 h)", 50, 100, 0.5, 0.4, 0.6), new("slow activators", 25, 100, 0.25, 0.18, 0.34), new("not activated", 5, 100, 0.05, 0.02, 0.11)],
        };
        var inputs = Inputs with { Metrics = Inputs.Metrics with { ActivationSpeed = speed } };

        var text = Flat(Text(inputs));

        // Then the ratio is fast over slow (2), not fast over everyone else (50 / 15 = 3.3)
        Assert.Contains("By activation speed, month-1 retention of fast activators (< 24 h) is 50.0% [40.0%, 60.0%] of 100 against 25.0% [18.0%, 34.0%] of 100 for slow activators (2.000 times as high); reported apart, not activated: 5.0% [2.0%, 11.0%] of 100;", text);
        Assert.DoesNotContain("everyone else", text);
    }

    [Fact]
    public void The_growth_table_gives_effort_in_person_months()
    {
        Assert.Contains("Effort (person-months)", Text(Inputs));
    }

    [Fact]
    public void Each_experiment_shows_its_decision_lift_interval_and_sample_ratio()
    {
        var text = Flat(Text(Inputs));

        Assert.NotEmpty(Inputs.Experiments);
        foreach (var experiment in Inputs.Experiments)
        {
            var decision = experiment.Verdict.Decision.Code() switch { "dont_ship" => "don't ship", "keep_running" => "keep running", var d => d };
            var lift = experiment.Metrics[0].Comparisons[0];
            Assert.Contains($"{experiment.Experiment}: {decision}.", text);
            Assert.Contains($"{lift.Variant} {Signed(lift.RelativeLift!.Value)} [{Signed(lift.RelativeCiLow!.Value)}, {Signed(lift.RelativeCiHigh!.Value)}] relative to control on {MetricLabels.Of(experiment.Metrics[0].Name)}", text);
        }
        Assert.Contains("Sample ratio: no mismatch", text);
    }

    [Fact]
    public void Last_complete_month_is_the_revenue_headline()
    {
        var month = Inputs.Revenue.Months.Last(m => m.Complete);

        Assert.Contains($"Revenue in {month.Month} (the last complete month): {Whole(month.Revenue)} {Inputs.Revenue.Currency}", Flat(Text(Inputs)));
    }

    [Fact]
    public void The_revenue_headline_states_the_change_against_the_month_before()
    {
        // Given the last two complete months at 100 and 120
        var months = Inputs.Revenue.Months.Where(m => m.Complete).ToList();
        months[^2] = months[^2] with { Month = "2098-11", Revenue = 100 };
        months[^1] = months[^1] with { Month = "2098-12", Revenue = 120 };
        var inputs = Inputs with { Revenue = Inputs.Revenue with { Months = months } };

        // Then the headline reads the last one's change: +20.0% on the month before
        Assert.Contains($"Revenue in 2098-12 (the last complete month): 120 {Inputs.Revenue.Currency}, +20.0% on 2098-11 (100 {Inputs.Revenue.Currency});", Flat(Text(inputs)));
    }

    [Fact]
    public void Segments_and_channels_are_compared_by_their_intervals()
    {
        var text = Flat(Text(Inputs));
        var best = Inputs.Lifecycle.Breakdown.MaxBy(b => b.OverallConversion)!;
        var channels = Inputs.ChannelFunnel.Breakdown.OrderByDescending(b => b.OverallConversion).ToList();
        var channelsOverlap = channels[0].Steps[^1].CiLowFromStart <= channels.Skip(1).Max(c => c.Steps[^1].CiHighFromStart);

        Assert.Contains($"{best.Value} {Percent(best.OverallConversion)} [{Percent(best.Steps[^1].CiLowFromStart)}, {Percent(best.Steps[^1].CiHighFromStart)}]", text);
        Assert.Contains(channels[0].Value, text);
        Assert.Equal(channelsOverlap, text.Contains("No clear best acquisition channel", StringComparison.Ordinal));
    }

    [Fact]
    public void Impact_estimates_are_called_associations()
    {
        var text = Flat(Text(Inputs));

        Assert.All(Inputs.Impacts, i => Assert.Contains($"Association, not a cause: users of {i.Feature}", text));
    }

    [Fact]
    public void Every_number_in_the_text_is_a_figure_traced_to_the_results() => AssertTraceable(Inputs);

    [Fact]
    public void No_experiments_is_said_explicitly()
    {
        var inputs = Inputs with { Experiments = [] };

        var text = Flat(Text(inputs));

        Assert.Contains("No experiments were analysed", text);
        Assert.Contains("Experiments: none analysed.", text);
        AssertTraceable(inputs);
    }

    [Fact]
    public void No_experiment_with_a_decision_is_said_explicitly()
    {
        var inputs = Inputs with { Experiments = [.. Inputs.Experiments.Select(e => e with { Verdict = new Verdict(ExperimentDecision.KeepRunning, "test") })] };

        var text = Flat(Text(inputs));

        Assert.Contains("No experiment has a decision yet", text);
        Assert.Contains("Make no shipping decision from experiments yet", text);
    }

    [Fact]
    public void A_winning_experiment_is_named_and_recommended_for_shipping()
    {
        var experiment = Inputs.Experiments[0];
        var primary = experiment.Metrics[0];
        var win = primary.Comparisons[0] with { Significant = true, AbsoluteLift = Math.Abs(primary.Comparisons[0].AbsoluteLift) };
        var shipped = experiment with
        {
            Metrics = [primary with { Comparisons = [win] }, .. experiment.Metrics.Skip(1)],
            Verdict = new Verdict(ExperimentDecision.Ship, "test"),
        };
        var inputs = Inputs with { Experiments = [shipped, .. Inputs.Experiments.Skip(1)] };

        var text = Flat(Text(inputs));

        Assert.Contains($"{experiment.Experiment}: ship.", text);
        Assert.Contains($"Winners: {win.Variant} in {experiment.Experiment}", text);
        Assert.Contains($"Ship {win.Variant} of {experiment.Experiment}: {win.Variant} {Signed(win.RelativeLift!.Value)}", text);
        AssertTraceable(inputs);
    }

    [Fact]
    public void A_sample_ratio_mismatch_is_flagged()
    {
        var experiment = Inputs.Experiments[0];
        var inputs = Inputs with { Experiments = [experiment with { Srm = experiment.Srm with { Mismatch = true, PValue = 1e-6 }, Verdict = new Verdict(ExperimentDecision.Inconclusive, "srm") }] };

        var text = Flat(Text(inputs));

        Assert.Contains("Sample ratio: mismatch", text);
        Assert.Contains($"Fix the assignment of {experiment.Experiment}", text);
    }

    [Fact]
    public void Overlapping_segment_intervals_give_no_clear_best_or_worst()
    {
        static FunnelBreakdown Wide(FunnelBreakdown b) =>
            b with { Steps = [.. b.Steps.SkipLast(1), b.Steps[^1] with { CiLowFromStart = 0, CiHighFromStart = 1 }] };
        var inputs = Inputs with { Lifecycle = Inputs.Lifecycle with { Breakdown = [.. Inputs.Lifecycle.Breakdown.Select(Wide)] } };

        var text = Flat(Text(inputs));

        Assert.Contains("No clear best segment", text);
        Assert.Contains("No clear worst segment", text);
        Assert.Contains("Do not re-target by segment on these data", text);
        Assert.DoesNotContain("Invest in the clearly best segment", text);
    }

    [Fact]
    public void No_complete_cohorts_is_said_explicitly()
    {
        var retention = Inputs.Retention with
        {
            Cohorts = [.. Inputs.Retention.Cohorts.Select(c => c with { Periods = [.. c.Periods.Select(p => p with { Complete = false })] })],
            Average = [],
            DayN = [],
            EarlyVsLate = null,
        };
        var inputs = Inputs with { Retention = retention };

        var text = Flat(Text(inputs));

        Assert.Contains("there are no complete cohorts, so no trend can be read", text);
        Assert.Contains("Month-1 retention: no cohort has a complete first month yet.", text);
        AssertTraceable(inputs);
    }

    [Fact]
    public void Overlapping_cohort_intervals_are_no_clear_trend_and_separated_ones_are_a_trend()
    {
        var comparison = Inputs.Retention.EarlyVsLate!;
        var declining = comparison with
        {
            Late = comparison.Late with { Rate = 0.30, CiLow = 0.27, CiHigh = 0.33 },
            Early = comparison.Early with { Rate = 0.50, CiLow = 0.46, CiHigh = 0.54 },
            Difference = -0.20,
        };
        var inputs = Inputs with { Retention = Inputs.Retention with { EarlyVsLate = declining } };

        var overlapping = comparison.Late.CiLow <= comparison.Early.CiHigh && comparison.Early.CiLow <= comparison.Late.CiHigh;
        Assert.Equal(overlapping, Flat(Text(Inputs)).Contains("Cohort trend: no clear trend", StringComparison.Ordinal));
        var text = Flat(Text(inputs));
        Assert.Contains("Cohort trend: declining", text);
        Assert.Contains("Find out why recent cohorts retain less: month-1 retention fell by -20.0 pp", text);
    }

    [Fact]
    public void No_revenue_is_said_explicitly()
    {
        var revenue = Inputs.Revenue with
        {
            Currency = null,
            Months = [.. Inputs.Revenue.Months.Select(m => m with { Revenue = 0, PayingUsers = 0, Arpu = 0, Arppu = 0 })],
        };
        var inputs = Inputs with { Revenue = revenue };

        var text = Flat(Text(inputs));

        Assert.Contains("Revenue: the data record no revenue.", text);
        Assert.Contains("so the levers' revenue ranges carry no information", text);
        Assert.Contains("Do not rank growth levers on money yet", text);
    }

    [Fact]
    public void An_incomplete_month_is_never_the_revenue_headline()
    {
        var months = Inputs.Revenue.Months;
        var partial = months[^1] with { Month = "2099-01", Revenue = 1_000_000, Complete = false };
        var inputs = Inputs with { Revenue = Inputs.Revenue with { Months = [.. months, partial] } };

        var text = Flat(Text(inputs));

        Assert.DoesNotContain("2099-01", text);
        Assert.Contains($"Revenue in {months.Last(m => m.Complete).Month} (the last complete month)", text);
    }

    [Fact]
    public void No_complete_week_gives_no_north_star_headline()
    {
        var star = Inputs.Metrics.NorthStar;
        var inputs = Inputs with
        {
            Metrics = Inputs.Metrics with { NorthStar = star with { Headline = null, Weeks = [.. star.Weeks.Select(w => w with { Complete = false })] } },
        };

        var text = Flat(Text(inputs));

        Assert.Contains("No week of the data is complete, so there is no North Star headline yet.", text);
        Assert.Contains("North Star: no complete week yet, so no headline.", text);
        AssertTraceable(inputs);
    }

    [Fact]
    public void No_breakdown_gives_no_segment_or_channel_comparison()
    {
        var inputs = Inputs with
        {
            Lifecycle = Inputs.Lifecycle with { Breakdown = [] },
            Funnel = Inputs.Funnel with { Breakdown = [] },
            ChannelFunnel = Inputs.ChannelFunnel with { Breakdown = [] },
        };

        var text = Flat(Text(inputs));

        Assert.Contains("No segment comparison: fewer than two segment values have users.", text);
        Assert.Contains("No acquisition channel comparison", text);
        Assert.Contains("Do not target by segment", text);
    }

    /// <summary>
    /// Every number token of the text is (part of) a figure's text, every label is a string of the
    /// results, and every figure's value is a result value or follows from result values by its derivation.
    /// </summary>
    private static void AssertTraceable(ReportInputs inputs)
    {
        var document = ExecutiveReport.Build(inputs);
        var (numbers, strings) = ResultValues(inputs);

        foreach (var figure in document.Figures)
        {
            Assert.All(figure.Inputs, value => Assert.True(numbers.Contains(value), $"{value} (in '{figure.Formatted}') is not a result value"));
            var expected = figure.Derivation switch
            {
                Derivation.Result => figure.Inputs[0],
                Derivation.Complement => 1 - figure.Inputs[0],
                Derivation.Difference => figure.Inputs[0] - figure.Inputs[1],
                Derivation.Change => figure.Inputs[0] / figure.Inputs[1] - 1,
                _ => figure.Inputs[0] / figure.Inputs[1],
            };
            Assert.Equal(expected, figure.Value);
        }
        var labels = document.Labels.Select(l => l.Value).Distinct().ToList();
        Assert.All(labels, label => Assert.True(strings.Contains(label), $"label '{label}' is not a result string"));

        var allowed = document.Figures.SelectMany(f => NumberToken().Matches(f.Formatted).Select(m => m.Value)).ToHashSet();
        var text = Flat(TextRenderer.Render(document));
        foreach (var label in labels.Select(Flat).OrderByDescending(l => l.Length))
            text = text.Replace(label, " ", StringComparison.Ordinal);
        var stray = NumberToken().Matches(text).Select(m => m.Value).Where(token => !allowed.Contains(token)).ToList();
        Assert.True(stray.Count == 0, "numbers not traced to a figure: " + string.Join(", ", stray));
    }

    /// <summary>Every number (and list length) and every string in the result records.</summary>
    private static (HashSet<double> Numbers, HashSet<string> Strings) ResultValues(ReportInputs inputs)
    {
        var numbers = new HashSet<double>();
        var strings = new HashSet<string>(StringComparer.Ordinal);
        void Walk(object? value)
        {
            switch (value)
            {
                case null:
                    return;
                case string s:
                    // A metric spec is printed in words; the words follow from the string alone.
                    strings.Add(s);
                    strings.Add(MetricLabels.Of(s));
                    return;
                case double d:
                    numbers.Add(d);
                    return;
                case long or int:
                    numbers.Add(Convert.ToDouble(value, CultureInfo.InvariantCulture));
                    return;
                case bool or Enum:
                    return;
                case IEnumerable list:
                    var count = 0;
                    foreach (var item in list) { Walk(item); count++; }
                    numbers.Add(count);
                    return;
            }
            foreach (var property in value.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
                if (property.GetIndexParameters().Length == 0) Walk(property.GetValue(value));
        }
        Walk(inputs);
        return (numbers, strings);
    }

    /// <summary>A number not glued to a word: "12,345", "-3.2", "45.7%"; not the 1 of "month-1" or the 10 of "P10".</summary>
    [GeneratedRegex(@"(?<![\p{L}\p{N}_.,\-])[+\-]?\d+(?:,\d{3})*(?:\.\d+)?%?")]
    private static partial Regex NumberToken();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
