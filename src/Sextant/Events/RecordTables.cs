using System.Globalization;

namespace Sextant.Events;

/// <summary>Turns subscriptions and assignments into tables keyed by entity index.</summary>
internal static class RecordTables
{
    /// <param name="subscriptions">Ordered by start instant, then subscription id.</param>
    /// <param name="users">The table's users.</param>
    public static SubscriptionTable Subscriptions(IReadOnlyList<Subscription> subscriptions, UserDirectory users)
    {
        var user = new List<int>();
        var start = new List<long>();
        var end = new List<long>();
        var mrr = new List<double>();
        var currency = new List<string>();
        var trial = new List<bool>();
        var plan = new List<string>();
        var status = new List<string>();
        var unmatched = 0;
        foreach (var subscription in subscriptions)
        {
            if (!users.TryGetCode(subscription.UserId, out var code) || code > users.Count)
            {
                unmatched++;
                continue;
            }
            var isTrial = subscription.Status == "trial";
            user.Add(code - 1);
            trial.Add(isTrial);
            start.Add(subscription.StartAt.UnixMicroseconds);
            end.Add(subscription.EndAt?.UnixMicroseconds ?? long.MaxValue);
            // Analyses work in double. Parsing the decimal's text rounds correctly; a (double) cast of a decimal may not.
            mrr.Add(isTrial ? 0 : double.Parse(subscription.Mrr.ToString(CultureInfo.InvariantCulture), NumberStyles.Float, CultureInfo.InvariantCulture));
            currency.Add(subscription.Currency);
            plan.Add(string.Intern(subscription.Plan));
            status.Add(string.Intern(subscription.Status));
        }
        return new SubscriptionTable([.. user], [.. start], [.. end], [.. mrr], [.. currency], [.. trial], [.. plan], [.. status], unmatched);
    }

    /// <param name="assignments">Ordered by experiment, user id, assignment instant, then variant.</param>
    /// <param name="users">The table's users.</param>
    public static AssignmentTable Assignments(IReadOnlyList<Assignment> assignments, UserDirectory users)
    {
        var experimentNames = new List<string>();
        var experiment = new List<int>();
        var user = new List<int>();
        var variant = new List<string>();
        var assignedAt = new List<long>();
        var unmatched = 0;
        foreach (var assignment in assignments)
        {
            if (!users.TryGetCode(assignment.UserId, out var code) || code > users.Count)
            {
                unmatched++;
                continue;
            }
            var name = assignment.Experiment;
            if (experimentNames.Count == 0 || experimentNames[^1] != name) experimentNames.Add(name);
            experiment.Add(experimentNames.Count - 1);
            user.Add(code - 1);
            variant.Add(string.Intern(assignment.Variant));
            assignedAt.Add(assignment.AssignedAt.UnixMicroseconds);
        }
        return new AssignmentTable([.. experimentNames], [.. experiment], [.. user], [.. variant], [.. assignedAt], unmatched);
    }
}
