using Sextant.Events;

namespace Sextant.Analysis.Impact;

/// <summary>Each eligible user's outcome, and what one unit of it is worth in revenue.</summary>
internal sealed class OutcomeMeasure
{
    private readonly EventTable _table;
    private readonly ImpactQuery _query;
    private readonly bool[] _active;
    private readonly int _horizonDays;
    private readonly List<int>[] _subscriptionsOf;

    public OutcomeMeasure(EventTable table, ImpactQuery query, int horizonDays)
    {
        _table = table;
        _query = query;
        _horizonDays = horizonDays;
        _active = ActiveEvents.Mask(table, query.ExcludeEvents);
        _subscriptionsOf = new List<int>[table.SignedUpUserCount];
        for (var i = 0; i < table.Subscriptions.Count; i++)
            (_subscriptionsOf[table.Subscriptions.User[i]] ??= []).Add(i);
    }

    public double Value(int user, long signup, int signupDay) => _query.Outcome switch
    {
        ImpactOutcome.Retention => ActiveBetween(user, _table.Calendar.DayStart(signupDay + 30), _table.Calendar.DayStart(signupDay + 60)) ? 1 : 0,
        ImpactOutcome.Revenue => FirstYearRevenue(user, signup),
        _ => Upgraded(user, signup) ? 1 : 0,
    };

    /// <summary>
    /// The revenue and users that value one unit of the outcome, measured on the data: the
    /// upgraders' first-year revenue and their number, or last year's revenue and the sample MAU.
    /// </summary>
    public (double Revenue, long Users) UnitValue(long dataEnd, long sampleMau)
    {
        switch (_query.Outcome)
        {
            case ImpactOutcome.Revenue:
                return (0, 0);
            case ImpactOutcome.Upgrade:
                double revenue = 0;
                long payers = 0;
                for (var user = 0; user < _table.SignedUpUserCount; user++)
                {
                    if (_table.SignupAt[user] == long.MinValue || !Upgraded(user, _table.SignupAt[user])) continue;
                    payers++;
                    revenue += FirstYearRevenue(user, _table.SignupAt[user]);
                }
                return (revenue, payers);
            default:
                double total = 0;
                for (var i = 0; i < _table.Subscriptions.Count; i++) total += _table.Subscriptions.RevenueBetween(i, dataEnd - 365 * Timestamp.MicrosPerDay, dataEnd);
                return (total, sampleMau);
        }
    }

    private bool ActiveBetween(int user, long from, long to)
    {
        for (var row = _table.UserOffsets[user]; row < _table.UserOffsets[user + 1]; row++)
        {
            var t = _table.Timestamps[row];
            if (t >= to) break;
            if (t >= from && _active[_table.EventCodes[row]]) return true;
        }
        return false;
    }

    private bool Upgraded(int user, long signup)
    {
        if (_subscriptionsOf[user] is not { } subscriptions) return false;
        var end = signup + _horizonDays * Timestamp.MicrosPerDay;
        foreach (var i in subscriptions)
            if (_table.Subscriptions.Pays(i) && _table.Subscriptions.Start[i] <= end) return true;
        return false;
    }

    private double FirstYearRevenue(int user, long signup)
    {
        if (_subscriptionsOf[user] is not { } subscriptions) return 0;
        var total = 0.0;
        foreach (var i in subscriptions) total += _table.Subscriptions.RevenueBetween(i, signup, signup + 365 * Timestamp.MicrosPerDay);
        return total;
    }
}
