using Sextant.Analysis;
using Sextant.Analysis.Engagement;
using Sextant.Events;

namespace Sextant.Engine.Sql;

/// <summary>
/// The headline counts of each breakdown group (<see cref="EngagementSql.Groups"/>), laid out as the
/// in-memory measurer lays out a group's tally: the days of the window and the group's activation.
/// </summary>
internal static partial class EngagementSqlMeasurer
{
    /// <summary>Each adoption group's headline counts, in the adoption groups' order: they are the same groups of signed-up users.</summary>
    private static List<EngagementGroupCounts> Groups(SqlSession session, EngagementSqlPlan plan, EngagementQuery query, EngagementSqlWindow window, GroupRows groups)
    {
        var rows = new Dictionary<string, List<PartRow>>(StringComparer.Ordinal);
        // Without a data end nothing is counted, as in memory: every group is its users and zeros.
        if (plan.End != long.MinValue)
        {
            var breakdowns = query.Breakdowns.Count;
            session.Read(EngagementSql.Groups(session.Sql, query, window, activity: !plan.IsEmpty), row =>
            {
                var label = Breakdowns.Label([.. Enumerable.Range(0, breakdowns).Select(i => row.GetString(5 + i))]);
                if (!rows.TryGetValue(label, out var list)) rows[label] = list = [];
                list.Add(new PartRow(row.GetString(0), row.GetString(1), row.GetInt64(2), row.GetInt64(3), row.GetInt64(4)));
            });
        }
        return [.. groups.Sizes.Select(pair =>
        {
            var groupRows = rows.GetValueOrDefault(pair.Key) ?? [];
            return new EngagementGroupCounts(pair.Value.Values, pair.Value.Users, Activity(plan, groupRows).Days, GroupActivation(groupRows));
        })];
    }

    /// <summary>A group's activation counts, with every duration kept (sorted, in hours) so the shaper can merge groups into Other.</summary>
    private static ActivationCounts GroupActivation(List<PartRow> rows)
    {
        long Count(string part) => rows.Where(r => r.Part == part).Sum(r => r.N);
        var took = rows.Where(r => r.Part == "took").OrderBy(r => r.A).ToList();
        var hours = new double[took.Sum(r => r.N)];
        var at = 0;
        foreach (var row in took)
            for (var i = 0; i < row.N; i++) hours[at++] = row.A / (double)Timestamp.MicrosPerHour;
        return new ActivationCounts(Count("eligible"), Count("activated"), Count("fast"), DurationQuantiles.OfSorted(hours));
    }
}
