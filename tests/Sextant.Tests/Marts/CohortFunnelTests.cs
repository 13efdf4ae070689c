using Sextant.Analysis.Marts;
using Sextant.Application.Requests;
using Sextant.Stats;

namespace Sextant.Tests.Marts;

/// <summary>cohort_funnel on <see cref="MartsData"/>: the funnel signup → create_page → edit_page within 7 days by sign-up month.</summary>
public sealed class CohortFunnelTests
{
    private static CohortFunnelResult Funnel(params (string, string)[] parameters) =>
        MartsRequest.Marts(MartsData.Project(), MartsData.Parameters(parameters)).Funnel!;

    [Fact]
    public void Each_cohort_row_counts_its_users_through_the_steps_as_worked_out_on_paper()
    {
        // When the named funnel is built by sign-up month.
        var funnel = Funnel(("funnel", "onboarding"));

        // Then January {a, b}: both sign up, a creates within 7 days and edits 5 days later, b creates 36 days later.
        Assert.Equal(["2024-01", "2024-02", "2024-03"], funnel.Cohorts.Select(c => c.Cohort));
        Assert.Equal([2L, 1L, 1L], funnel.Cohorts.Select(c => c.CohortSize));
        Assert.Equal([2L, 1L, 1L], funnel.Cohorts[0].Steps.Select(s => s.Users));
        Assert.Equal([1.0, 0.5, 1.0], funnel.Cohorts[0].Steps.Select(s => s.FromPrevious));
        Assert.Equal([1.0, 0.5, 0.5], funnel.Cohorts[0].Steps.Select(s => s.FromCohort));
        // February {c} converts fully; March {d} creates 15 days after signing up: outside the window.
        Assert.Equal([1L, 1L, 1L], funnel.Cohorts[1].Steps.Select(s => s.Users));
        Assert.Equal([1L, 0L, 0L], funnel.Cohorts[2].Steps.Select(s => s.Users));
        // The visitor's steps count nowhere.
        Assert.Equal(4L, funnel.Cohorts.Sum(c => c.CohortSize));
        var step = funnel.Cohorts[0].Steps[1];
        Assert.Equal(Proportions.Wilson(1, 2), new Interval(step.CohortCiLow, step.CohortCiHigh));
        Assert.Equal(Proportions.Wilson(1, 2), new Interval(step.CiLow, step.CiHigh));
    }

    [Fact]
    public void A_cohort_whose_windows_are_still_open_is_partial_and_left_out_of_the_average()
    {
        var funnel = Funnel(("funnel", "onboarding"));

        // Feb 1 + 7d and Mar 1 + 7d are before the data end (Mar 20 12:00); Apr 1 + 7d is not.
        Assert.Equal([true, true, false], funnel.Cohorts.Select(c => c.Complete));
        Assert.Equal(2, funnel.CompleteCohorts);
        // Pooled over January and February only: 3 users, 3 / 2 / 2 reach the steps.
        Assert.Equal([3L, 2L, 2L], funnel.Average.Select(s => s.Users));
        Assert.Equal([1.0, 2 / 3.0, 1.0], funnel.Average.Select(s => s.FromPrevious));
        Assert.Equal([1.0, 2 / 3.0, 2 / 3.0], funnel.Average.Select(s => s.FromCohort));
    }

    [Fact]
    public void A_longer_window_keeps_the_february_cohort_open()
    {
        // Mar 1 + 30d is after the data end.
        var funnel = Funnel(("steps", "signup,create_page,edit_page"), ("window", "30d"));

        Assert.Equal([true, false, false], funnel.Cohorts.Select(c => c.Complete));
        // With 30 days b's create_page (36 days after signing up) still does not count, d's (15 days) does.
        Assert.Equal([2L, 1L, 1L], funnel.Cohorts[0].Steps.Select(s => s.Users));
        Assert.Equal([1L, 1L, 0L], funnel.Cohorts[2].Steps.Select(s => s.Users));
    }

    [Theory]
    [InlineData("january", 0)]
    [InlineData("february", 1)]
    public void A_cohort_row_equals_sextant_funnel_with_the_cohort_of_users_who_signed_up_that_month(string cohort, int row)
    {
        var project = MartsData.Project();
        var marts = MartsRequest.Marts(project, MartsData.Parameters(("steps", "signup,create_page,edit_page"), ("window", "7d"))).Funnel!;

        var funnel = FunnelRequest.Funnel(project, MartsData.Parameters(("steps", "signup,create_page,edit_page"), ("window", "7d"), ("cohort", cohort)));

        var mart = marts.Cohorts[row];
        Assert.Equal(funnel.Steps.Select(s => s.Users), mart.Steps.Select(s => s.Users));
        for (var i = 1; i < funnel.Steps.Count; i++)
        {
            Assert.Equal(funnel.Steps[i].ConversionFromPrevious, mart.Steps[i].FromPrevious);
            Assert.Equal((funnel.Steps[i].CiLow, funnel.Steps[i].CiHigh), (mart.Steps[i].CiLow, mart.Steps[i].CiHigh));
        }
        // Everyone of the cohort signed up, so step 1 is the cohort.
        Assert.Equal(mart.CohortSize, funnel.Steps[0].Users);
    }

    [Fact]
    public void A_funnel_step_the_data_do_not_contain_is_an_error_that_names_it()
    {
        var error = Assert.Throws<SextantException>(() => Funnel(("steps", "signup,create_pgae")));

        Assert.Contains("create_pgae", error.Message, StringComparison.Ordinal);
        Assert.Equal("steps", RequestParameters.FieldOf(error));
    }

    [Fact]
    public void A_funnel_name_sextant_yaml_does_not_define_is_an_error()
    {
        var error = Assert.Throws<SextantException>(() => Funnel(("funnel", "nope")));

        Assert.Contains("no funnel named 'nope'", error.Message, StringComparison.Ordinal);
        Assert.Equal("funnel", RequestParameters.FieldOf(error));
    }

    [Fact]
    public void From_cuts_the_first_cohort_at_its_day_and_the_row_still_equals_the_cohort_funnel()
    {
        // From Jan 15 the January cohort is b alone.
        var funnel = Funnel(("funnel", "onboarding"), ("from", "2024-01-15"));

        Assert.Equal(1L, funnel.Cohorts[0].CohortSize);
        Assert.Equal([1L, 0L, 0L], funnel.Cohorts[0].Steps.Select(s => s.Users));
    }
}
