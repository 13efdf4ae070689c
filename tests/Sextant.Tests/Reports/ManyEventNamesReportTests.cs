using System.Globalization;
using Sextant.Application;
using Sextant.Configuration;
using Sextant.Events;
using Sextant.Reports.Charts;
using Sextant.Reports.Dashboards;
using static Sextant.Tests.Support.EventBuilder;

namespace Sextant.Tests.Reports;

/// <summary>A store whose events each have their own name: the report's size must not follow the names.</summary>
public sealed class ManyEventNamesReportTests
{
    [Fact]
    public void The_adoption_charts_show_the_thirty_most_adopted_of_many_features_and_say_so()
    {
        // Given 10 users and 80 event names: name k is used by the users 0 … k mod 10
        var events = new List<EventRecord>();
        var start = new DateTimeOffset(2025, 3, 1, 9, 0, 0, TimeSpan.Zero);
        for (var k = 0; k < 80; k++)
            for (var user = 0; user <= k % 10; user++)
                events.Add(At("u" + user, "ev_" + k.ToString("D2", CultureInfo.InvariantCulture), start.AddMinutes(k).ToString("O", CultureInfo.InvariantCulture)));
        var table = Load(null, [.. events]);

        // When the report's analyses and dashboards are built
        var inputs = ReportAnalyses.Run(table, new SextantConfig());
        var page = DashboardSet.Build(inputs).Single(d => d.Slug == AdoptionDashboard.Slug);

        // Then every chart has 30 bars, the most adopted first, and its note names the 80 features
        Assert.Equal(80, inputs.Metrics.FeatureAdoption.Count);
        var adoption = Assert.IsType<BarChart>(page.Charts.Single(c => c.Id == "adoption"));
        Assert.Equal(30, adoption.Categories.Count);
        Assert.Equal(8, adoption.Categories.Count(c => c.EndsWith('9')));
        Assert.Contains("30 most adopted of 80 features", adoption.Note, StringComparison.Ordinal);
    }
}
