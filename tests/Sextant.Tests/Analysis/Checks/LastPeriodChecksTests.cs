using System.Globalization;
using Sextant.Analysis.Checks;
using Sextant.Events;
using Sextant.Storage.Sqlite;
using Sextant.Tests.Support;
using static Sextant.Tests.Support.EventBuilder;
using static Sextant.Tests.Support.SubscriptionBuilder;

namespace Sextant.Tests.Analysis.Checks;

public sealed class LastPeriodChecksTests
{
    /// <summary>
    /// Ten users active on the 15th of every month from January to <paramref name="lastMonth"/>
    /// 2025, the data ending on <paramref name="dataEnd"/>; four subscriptions of 10 a month run
    /// from January 1, and <paramref name="lateStarts"/> more from June 1.
    /// </summary>
    private static IReadOnlyList<CheckOutcome> Check(int lastMonth, string dataEnd, int lateStarts)
    {
        var events = new List<EventRecord>();
        for (var month = 1; month <= lastMonth; month++)
            for (var user = 0; user < 10; user++)
                events.Add(At("u" + user, "edit_page", string.Create(CultureInfo.InvariantCulture, $"2025-{month:00}-15T10:00:00Z")));
        events.Add(At("u0", "edit_page", dataEnd));
        var subscriptions = Enumerable.Range(0, 4).Select(u => Paid("u" + u, 10, "2025-01-01T00:00:00Z"))
            .Concat(Enumerable.Range(4, lateStarts).Select(u => Paid("u" + u, 10, "2025-06-01T00:00:00Z"))).ToArray();
        var path = new TempDirectory().File("s.db");
        SubscriptionBuilder.Load(path, [.. events], subscriptions);
        using var store = SqliteStore.Open(path, create: false);
        return CheckRunner.Run(store, new CheckQuery(new Dictionary<string, IReadOnlyList<string>>(), new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero))).Checks;
    }

    [Fact]
    public void A_last_complete_month_whose_revenue_doubles_after_flat_months_is_flagged()
    {
        // Given revenue 40 a month from January to May, then 80 in June (four more subscriptions), June complete
        var checks = Check(6, "2025-06-30T23:59:59.999999Z", lateStarts: 4);

        // Then June (complete: its last microsecond is the data end) is flagged: +100% against changes of 0% before it; active users stay at 10 and are not
        var trend = checks.Single(c => c.Name == "last_month_on_trend");
        Assert.Equal(CheckStatus.Warn, trend.Status);
        Assert.Equal(1, trend.FailingRows);
        Assert.StartsWith("revenue of 2025-06 changed +100.0% from 2025-05, more than any of the 4 monthly changes before it (largest 0.0%)", trend.Message, StringComparison.Ordinal);
        Assert.Equal(CheckStatus.Pass, checks.Single(c => c.Name == "last_month_complete").Status);
    }

    [Fact]
    public void A_last_month_on_trend_passes()
    {
        // Given the same flat months with no late subscriptions
        var checks = Check(6, "2025-06-30T23:59:59.999999Z", lateStarts: 0);

        Assert.Equal(CheckStatus.Pass, checks.Single(c => c.Name == "last_month_on_trend").Status);
    }

    [Fact]
    public void An_unfinished_last_month_is_flagged_as_partial_and_the_trend_is_judged_on_the_month_before()
    {
        // Given June's jump, but the data end on June 14: June is partial (and its 80 a month is prorated)
        var checks = Check(6, "2025-06-14T20:00:00Z", lateStarts: 4);

        // Then June is reported incomplete and May, the last complete month, is on trend
        var complete = checks.Single(c => c.Name == "last_month_complete");
        Assert.Equal(CheckStatus.Warn, complete.Status);
        Assert.Equal("the last month 2025-06 has not ended by the data end: its figures are partial; headline figures use 2025-05", complete.Message);
        Assert.Equal(CheckStatus.Pass, checks.Single(c => c.Name == "last_month_on_trend").Status);
    }
}
