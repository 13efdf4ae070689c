using System.Globalization;
using Sextant.Engine.InMemory;
using Sextant.Events;

namespace Sextant.Analysis.Health;

/// <summary>Measures each recently active user's activity counts in memory: one parallel pass over each user's rows.</summary>
internal static class HealthMeasurer
{
    private const int CollaborationDays = 60;

    /// <summary>The measures of <paramref name="query"/>.</summary>
    /// <exception cref="SextantException">Invalid weights or targets, or a cohort or breakdown the store cannot resolve.</exception>
    public static HealthMeasures Measure(EventTable table, HealthQuery query)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(query);
        Validate(query);
        var dataEnd = query.Range.LastInstant ?? table.MaxTimestamp;
        var scope = UserScope.Of(table, query);
        if (table.EventCount == 0 || dataEnd == long.MinValue) return new HealthMeasures(dataEnd, null, [], scope.Keys);

        var activity = Activity(table, query, dataEnd, scope);
        var endDay = table.Calendar.DayOf(dataEnd);
        var plan = table.Attributes["plan"];
        var segment = table.Attributes["segment"];
        var live = query.ExpansionPlanFrom == PlanSource.Subscriptions ? LiveSubscriptions(table.Subscriptions, table.SignedUpUserCount, dataEnd) : null;
        var users = new List<HealthInputs>();
        for (var user = 0; user < activity.Length; user++)
        {
            var a = activity[user];
            if (a.LastDay == int.MinValue) continue;
            var planCode = plan is null ? 0 : plan.Codes[user];
            var segmentCode = segment is null ? 0 : segment.Codes[user];
            var profilePlan = planCode == 0 ? null : plan!.Values[planCode - 1];
            // A user with subscriptions takes the live one's plan (none when none is live); only a user without any keeps the profile's.
            var fromSubscription = live is not null && live[user] != NoSubscription;
            var userPlan = !fromSubscription ? profilePlan : live![user] >= 0 ? table.Subscriptions.Plan[live[user]] : null;
            users.Add(new HealthInputs(table.UserKeys[user], endDay - a.LastDay, a.ActiveDays30, a.ActiveDays14, a.ActiveDaysPrior14, a.Features30,
                a.CollaboratedLast30, a.CollaboratedPrior30, a.SignupDay == int.MinValue ? null : endDay - a.SignupDay,
                segmentCode == 0 ? null : segment!.Values[segmentCode - 1],
                userPlan,
                scope.GroupOf(user),
                fromSubscription));
        }
        return new HealthMeasures(dataEnd, DateOnly.FromDayNumber(endDay), users, scope.Keys);
    }

    private const int NoSubscription = -2;
    private const int NoneLive = -1;

    /// <summary>Subscription statuses that are live while the subscription has started and not ended.</summary>
    private static readonly HashSet<string> LiveStatuses = new(["trial", "active", "past_due"], StringComparer.Ordinal);

    /// <summary>
    /// Per signed-up user, the index of the subscription live at <paramref name="dataEnd"/>: status trial, active or past_due,
    /// started at or before it and ending after it; of several the highest MRR, ties by the plan name (ordinal). −1 when the user has
    /// subscriptions but none is live, −2 when the user has none.
    /// </summary>
    internal static int[] LiveSubscriptions(SubscriptionTable subscriptions, int users, long dataEnd)
    {
        var live = new int[users];
        Array.Fill(live, NoSubscription);
        for (var i = 0; i < subscriptions.Count; i++)
        {
            var user = subscriptions.User[i];
            if (user >= users) continue;
            if (live[user] == NoSubscription) live[user] = NoneLive;
            if (!LiveStatuses.Contains(subscriptions.Status[i]) || subscriptions.Start[i] > dataEnd || subscriptions.End[i] <= dataEnd) continue;
            var best = live[user];
            if (best < 0 || subscriptions.Mrr[i] > subscriptions.Mrr[best]
                || (subscriptions.Mrr[i] == subscriptions.Mrr[best] && string.CompareOrdinal(subscriptions.Plan[i], subscriptions.Plan[best]) < 0))
                live[user] = i;
        }
        return live;
    }

    /// <summary>
    /// Activity counts per signed-up user as of <paramref name="dataEnd"/>; <see cref="UserActivity.LastDay"/> is int.MinValue
    /// for users outside the cohort or with no active event in the last 90 days (within the range).
    /// </summary>
    private static UserActivity[] Activity(EventTable table, HealthQuery query, long dataEnd, UserScope scope)
    {
        var active = ActiveEvents.Mask(table, query.ExcludeEvents);
        var collaboration = new bool[table.EventNames.Length];
        foreach (var name in query.CollaborationEvents)
        {
            var code = table.EventCode(name);
            if (code >= 0) collaboration[code] = true;
        }
        var calendar = table.Calendar;
        var endDay = calendar.DayOf(dataEnd);
        // Events before the range's start are ignored like those after the data end.
        var firstInstant = Math.Max(calendar.DayStart(endDay - HealthQuery.PopulationDays + 1), query.Range.FromMicros);
        var timestamps = table.Timestamps;
        var codes = table.EventCodes;
        var offsets = table.UserOffsets;
        var words = (table.EventNames.Length + 63) / 64;
        var activity = new UserActivity[table.SignedUpUserCount];
        Parallel.For(0, table.SignedUpUserCount, () => new ulong[words], (user, _, seen) =>
        {
            if (!scope.Includes(user))
            {
                activity[user] = new UserActivity(int.MinValue, 0, 0, 0, 0, false, false);
                return seen;
            }
            int lastDay = int.MinValue, days30 = 0, days14 = 0, prior14 = 0, features = 0;
            bool recentCollaboration = false, priorCollaboration = false;
            var end = offsets[user + 1];
            for (var row = offsets[user]; row < end; row++)
            {
                var t = timestamps[row];
                if (t < firstInstant) continue;
                // Rows are sorted by time within the user, so nothing later can count.
                if (t > dataEnd) break;
                var code = codes[row];
                if (!active[code]) continue;
                var day = calendar.DayOf(t);
                var age = endDay - day;
                if (age < CollaborationDays && collaboration[code])
                {
                    if (age < 30) recentCollaboration = true;
                    else priorCollaboration = true;
                }
                if (age < 30)
                {
                    ref var word = ref seen[code >> 6];
                    var bit = 1UL << (code & 63);
                    if ((word & bit) == 0)
                    {
                        word |= bit;
                        features++;
                    }
                }
                if (day == lastDay) continue;
                lastDay = day;
                if (age < 30) days30++;
                if (age < 14) days14++;
                else if (age < 28) prior14++;
            }
            if (features > 0) Array.Clear(seen);
            var signupDay = table.SignupAt[user] == long.MinValue ? int.MinValue : calendar.DayOf(table.SignupAt[user]);
            activity[user] = new UserActivity(lastDay, days30, days14, prior14, features, recentCollaboration, priorCollaboration, signupDay);
            return seen;
        }, _ => { });
        return activity;
    }

    private static void Validate(HealthQuery query)
    {
        var w = query.Weights ?? HealthWeights.Default;
        double[] weights = [w.Recency, w.Frequency, w.Breadth, w.Collaboration, w.Trend, w.Tenure];
        if (weights.Any(x => !double.IsFinite(x) || x < 0) || !(w.Sum > 0))
            throw new SextantException($"health weights must be finite, non-negative and not all zero; got {string.Join(", ", weights.Select(x => x.ToString(CultureInfo.InvariantCulture)))}");
        if (!(query.RecencyHalfLifeDays > 0)) throw new SextantException($"health recency scale must be a positive number of days; got {query.RecencyHalfLifeDays.ToString(CultureInfo.InvariantCulture)}");
        if (query.FrequencyTargetDays is < 1 or > 30) throw new SextantException($"health frequency target must be 1 to 30 active days; got {query.FrequencyTargetDays}");
        if (query.BreadthTargetFeatures < 1) throw new SextantException($"health breadth target must be at least 1 feature; got {query.BreadthTargetFeatures}");
    }

    /// <summary>One user's activity counts as of a data end d (local calendar days).</summary>
    private readonly record struct UserActivity(int LastDay, int ActiveDays30, int ActiveDays14, int ActiveDaysPrior14, int Features30,
        bool CollaboratedLast30, bool CollaboratedPrior30, int SignupDay = int.MinValue);
}
