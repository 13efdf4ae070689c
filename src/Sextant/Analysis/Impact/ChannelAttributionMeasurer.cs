using Sextant.Engine.InMemory;
using Sextant.Events;

namespace Sextant.Analysis.Impact;

/// <summary>
/// Credits revenue to channels in memory. The revenue credited is the user's subscription revenue
/// up to the data end; every model hands out exactly that total.
/// </summary>
internal static class ChannelAttributionMeasurer
{
    /// <exception cref="SextantException">The cohort or a breakdown names something the store does not have.</exception>
    public static ChannelAttributionMeasures Measure(EventTable table, ChannelAttributionQuery query)
    {
        var dataEnd = query.Range.LastInstant ?? table.MaxTimestamp;
        var scope = UserScope.Of(table, query);
        var grouped = query.Breakdowns.Count > 0;
        var touches = table.EventCount == 0 ? null : table.Property(query.TouchProperty);
        var channel = table.Attributes["channel"];
        var revenue = new double[table.SignedUpUserCount];
        var firstPayment = new long[table.SignedUpUserCount];
        Array.Fill(firstPayment, long.MaxValue);
        var subscriptions = table.Subscriptions;
        for (var i = 0; i < subscriptions.Count; i++)
        {
            if (!subscriptions.Pays(i)) continue;
            var user = subscriptions.User[i];
            revenue[user] += subscriptions.RevenueBetween(i, subscriptions.Start[i], dataEnd);
            firstPayment[user] = Math.Min(firstPayment[user], subscriptions.Start[i]);
        }

        var credit = new CreditTable();
        var groups = new Dictionary<int, (long Users, CreditTable Credit)>();
        var path = new List<(string Channel, long At)>();
        for (var user = 0; user < table.SignedUpUserCount; user++)
        {
            if (revenue[user] <= 0 || !query.Range.Contains(firstPayment[user]) || !scope.Includes(user)) continue;
            path.Clear();
            for (var row = table.UserOffsets[user]; row < table.UserOffsets[user + 1] && touches is not null; row++)
            {
                if (table.Timestamps[row] > firstPayment[user]) break;
                if (touches[row] is { Length: > 0 } source) path.Add((source, table.Timestamps[row]));
            }
            if (path.Count == 0) path.Add((channel?[user] ?? Breakdowns.NoValue, table.SignupAt[user]));
            var conversion = Math.Min(firstPayment[user], dataEnd);
            credit.Add(path, revenue[user], conversion, query.HalfLifeDays);
            if (!grouped) continue;
            var group = scope.GroupOf(user);
            var entry = groups.TryGetValue(group, out var found) ? found : (0, new CreditTable());
            entry.Credit.Add(path, revenue[user], conversion, query.HalfLifeDays);
            groups[group] = (entry.Users + 1, entry.Credit);
        }
        return new ChannelAttributionMeasures(
            credit.Rows(),
            groups.Select(g => new ChannelAttributionGroupMeasures(scope.Keys[g.Key], g.Value.Users, g.Value.Credit.Rows())).ToList());
    }

    /// <summary>Revenue credited to each channel under the four models.</summary>
    private sealed class CreditTable
    {
        private readonly Dictionary<string, double[]> _credit = new(StringComparer.Ordinal);

        /// <summary>Hands out <paramref name="value"/> over one user's touch path under every model.</summary>
        public void Add(List<(string Channel, long At)> path, double value, long conversion, double halfLifeDays)
        {
            Give(path[0].Channel, 0, value);
            Give(path[^1].Channel, 1, value);
            foreach (var touch in path) Give(touch.Channel, 2, value / path.Count);
            var weights = path.Select(t => Math.Pow(0.5, (conversion - t.At) / (halfLifeDays * Timestamp.MicrosPerDay))).ToArray();
            var total = weights.Sum();
            for (var i = 0; i < path.Count; i++) Give(path[i].Channel, 3, value * weights[i] / total);
        }

        public List<ChannelCredit> Rows() =>
            _credit.Select(p => new ChannelCredit(p.Key, p.Value[0], p.Value[1], p.Value[2], p.Value[3])).ToList();

        private void Give(string name, int model, double amount)
        {
            if (!_credit.TryGetValue(name, out var row)) _credit[name] = row = new double[4];
            row[model] += amount;
        }
    }
}
