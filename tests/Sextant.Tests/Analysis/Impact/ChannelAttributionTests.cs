using Sextant.Analysis.Impact;
using Sextant.Engine;
using Sextant.Engine.InMemory;
using Sextant.Events;
using static Sextant.Tests.Support.EventBuilder;

namespace Sextant.Tests.Analysis.Impact;

public sealed class ChannelAttributionTests
{
    private static Subscription Paying(string id, string user, string startIso, double months, decimal mrr)
    {
        var start = Timestamp.FromDateTimeOffset(DateTimeOffset.Parse(startIso, System.Globalization.CultureInfo.InvariantCulture));
        return new Subscription(id, user, "plus", "cancelled", start, new Timestamp(start.UnixMicroseconds + (long)(months * 30.4375 * Timestamp.MicrosPerDay)), mrr, "USD");
    }

    [Fact]
    public void Each_model_splits_a_users_revenue_over_their_touches_as_worked_out_by_hand()
    {
        // u1: ads on day 0, email on day 7, pays 30 a month for one month from day 14. u2: no touches, organic, pays 12 for one month.
        var table = Load(null, [User("u1", "2026-01-01T00:00:00Z"), new UserProfile("u2", null, null, "organic", null, null, null, null, "{}")],
            [Paying("s1", "u1", "2026-01-15T00:00:00Z", 1, 30), Paying("s2", "u2", "2026-01-15T00:00:00Z", 1, 12)],
            Event("e1", "u1", "page_view", "2026-01-01T00:00:00Z", properties: """{"utm_source":"ads"}"""),
            Event("e2", "u1", "page_view", "2026-01-08T00:00:00Z", properties: """{"utm_source":"email"}"""),
            Event("e3", "u1", "page_view", "2026-01-20T00:00:00Z", properties: """{"utm_source":"late"}"""),
            At("u2", "signup", "2026-01-10T00:00:00Z"), At("u2", "view", "2026-03-01T00:00:00Z"));

        var credit = new InMemoryEngine(table).Run(new ChannelAttributionQuery()).Credits.ToDictionary(c => c.Channel);

        Assert.Equal((30.0, 0.0, 15.0), (credit["ads"].FirstTouch, credit["ads"].LastTouch, credit["ads"].Linear), new ToleranceComparer());
        Assert.Equal((0.0, 30.0, 15.0), (credit["email"].FirstTouch, credit["email"].LastTouch, credit["email"].Linear), new ToleranceComparer());
        // Time decay, half-life 7 days before the first payment on day 14: weights 0.25 (ads) and 0.5 (email).
        Assert.Equal(10, credit["ads"].TimeDecay, 9);
        Assert.Equal(20, credit["email"].TimeDecay, 9);
        Assert.False(credit.ContainsKey("late")); // touches after the first payment do not count
        Assert.Equal(12, credit["organic"].FirstTouch, 9);
        foreach (var model in new Func<ChannelCredit, double>[] { c => c.FirstTouch, c => c.LastTouch, c => c.Linear, c => c.TimeDecay })
            Assert.Equal(42, credit.Values.Sum(model), 9);
    }

    private sealed class ToleranceComparer : IEqualityComparer<(double, double, double)>
    {
        public bool Equals((double, double, double) x, (double, double, double) y) =>
            Math.Abs(x.Item1 - y.Item1) < 1e-9 && Math.Abs(x.Item2 - y.Item2) < 1e-9 && Math.Abs(x.Item3 - y.Item3) < 1e-9;

        public int GetHashCode((double, double, double) obj) => 0;
    }
}
