using Sextant.Analysis.Funnels;
using Sextant.Reports;

namespace Sextant.Tests.Reports;

public sealed class AnalysisFilesTests
{
    private static FunnelStepResult Step(string name, long users, double fromPrevious, double fromStart, long dropOff) =>
        new(name, users, fromPrevious, fromStart, fromPrevious * 0.9, Math.Min(1, fromPrevious * 1.1), fromStart * 0.9, Math.Min(1, fromStart * 1.1), dropOff, 3600, 7200, 3600, 7200);

    private static readonly FunnelResult Funnel = new(FunnelOrder.Ordered, 14 * 86_400,
        [Step("signup", 100, 1, 1, 0), Step("activate", 60, 0.6, 0.6, 40), Step("pay", 12, 0.2, 0.12, 48)],
        [
            new FunnelBreakdown("enterprise", [Step("signup", 20, 1, 1, 0), Step("activate", 15, 0.75, 0.75, 5), Step("pay", 6, 0.4, 0.3, 9)], 0.3, 3.6, 1.6, 8.1, 0.001),
            new FunnelBreakdown("individual, EU", [Step("signup", 80, 1, 1, 0), Step("activate", 45, 0.5625, 0.5625, 35), Step("pay", 6, 0.13, 0.075, 39)], 0.075, 0.25, 0.1, 0.6, 0.001),
        ],
        0, BiggestDropStep: 2);

    [Fact]
    public void Funnel_csv_has_one_row_a_step_with_the_result_values()
    {
        var lines = AnalysisFiles.FunnelCsv(Funnel).TrimEnd().Split('\n');

        Assert.Equal(4, lines.Length);
        Assert.StartsWith("step,name,users,conversion_from_previous,conversion_from_start,ci_low,ci_high", lines[0], StringComparison.Ordinal);
        Assert.StartsWith("2,pay,12,0.2,0.12,", lines[3], StringComparison.Ordinal);
    }

    [Fact]
    public void Breakdown_values_with_commas_are_quoted()
    {
        var csv = AnalysisFiles.BreakdownCsv(Funnel);

        Assert.Contains("\"individual, EU\",0,signup,80,", csv, StringComparison.Ordinal);
    }

    [Fact]
    public void The_dropoff_report_names_the_biggest_drop_and_the_best_and_worst_values_from_the_result()
    {
        var report = AnalysisFiles.DropoffReport(Funnel);

        Assert.Contains("**activate → pay**: 80.0% of the users who reached activate did not continue (48 users", report, StringComparison.Ordinal);
        Assert.Contains("**enterprise** converts best end to end (30.0%, 3.60× the rest", report, StringComparison.Ordinal);
        Assert.Contains("**individual, EU** worst (7.5%", report, StringComparison.Ordinal);
        Assert.Contains("associations", report, StringComparison.Ordinal);
    }

    [Fact]
    public void A_funnel_without_users_says_the_data_show_no_drop()
    {
        var empty = Funnel with { Steps = [Step("signup", 0, 0, 0, 0), Step("pay", 0, 0, 0, 0)], Breakdown = [], BiggestDropStep = null };

        Assert.Contains("do not show a drop-off", AnalysisFiles.DropoffReport(empty), StringComparison.Ordinal);
    }

    [Fact]
    public void Step_names_and_breakdown_values_that_would_start_a_formula_are_written_as_text_and_numbers_stay_numbers()
    {
        // Given a step named =HYPERLINK("http://x","y") and breakdown values "+1+2", "-1" and "@cmd"
        var funnel = Funnel with
        {
            Steps = [Step("signup", 100, 1, 1, 0), Step("=HYPERLINK(\"http://x\",\"y\")", 60, 0.6, 0.6, 40)],
            Breakdown =
            [
                new FunnelBreakdown("+1+2", [Step("signup", 20, 1, 1, 0)], 0.3, -0.5, 1.6, 8.1, 0.001),
                new FunnelBreakdown("-1", [Step("signup", 20, 1, 1, 0)], 0.3, 1, 1.6, 8.1, 0.001),
                new FunnelBreakdown("@cmd", [Step("signup", 20, 1, 1, 0)], 0.3, 1, 1.6, 8.1, 0.001),
            ],
        };

        // When the funnel files are rendered
        var steps = AnalysisFiles.FunnelCsv(funnel).TrimEnd().Split('\n');
        var values = AnalysisFiles.BreakdownCsv(funnel).TrimEnd().Split('\n');

        // Then the formula-like text gets a leading quote (and RFC 4180 quoting where it holds commas or quotes),
        // a text cell that is a plain number stays as it is, and the numeric ratio -0.5 is still a number
        Assert.StartsWith("1,\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",60,0.6,", steps[2], StringComparison.Ordinal);
        Assert.StartsWith("'+1+2,0,signup,20,", values[1], StringComparison.Ordinal);
        Assert.EndsWith(",0.3,-0.5,1.6,8.1,0.001", values[1], StringComparison.Ordinal);
        Assert.StartsWith("-1,0,signup,20,", values[2], StringComparison.Ordinal);
        Assert.StartsWith("'@cmd,0,signup,20,", values[3], StringComparison.Ordinal);
    }
}
