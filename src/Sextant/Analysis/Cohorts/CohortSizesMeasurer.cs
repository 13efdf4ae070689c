using Sextant.Engine.InMemory;
using Sextant.Events;

namespace Sextant.Analysis.Cohorts;

/// <summary>Counts cohort members in memory.</summary>
internal static class CohortSizesMeasurer
{
    public static CohortSizesMeasures Measure(EventTable table, CohortSizesQuery query)
    {
        var counts = query.Cohorts.Select(cohort =>
        {
            var members = CohortMembership.Evaluate(table, cohort.Definition, query.Range);
            long users = 0, visitors = 0;
            for (var user = 0; user < members.Length; user++)
                if (members[user]) _ = table.IsVisitor(user) ? visitors++ : users++;
            return new CohortCount(users, visitors);
        }).ToList();
        return new CohortSizesMeasures(table.SignedUpUserCount, table.UserCount - table.SignedUpUserCount, counts);
    }
}
