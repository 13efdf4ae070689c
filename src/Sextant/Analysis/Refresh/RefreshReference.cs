using Sextant.Events;

namespace Sextant.Analysis.Refresh;

/// <summary>
/// The reference for <c>sextant refresh</c>: the same tables computed in one pass over the
/// EventTable, where identities are already resolved and sign-ups already decided, sharing no
/// code with the incremental path but the tables' container and the CSV format. <c>refresh --full</c>
/// and the tests compare the two.
/// </summary>
internal static class RefreshReference
{
    public static RefreshTables Compute(EventTable table, RefreshSettings settings)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(settings);
        var tables = new RefreshTables();
        var calendar = table.Calendar;
        var revenue = table.Property("revenue");
        var source = table.Property("source");
        var amounts = revenue.Values.Select(RefreshTables.ParseRevenue).ToArray();
        for (var row = 0; row < table.EventCount; row++)
        {
            var day = calendar.DayOf(table.Timestamps[row]);
            var sourceCode = source.Codes[row];
            tables.AddEvent(day, sourceCode == 0 ? "" : source.Values[sourceCode - 1], revenue.Codes[row] == 0 ? null : amounts[revenue.Codes[row] - 1]);
        }
        tables.DataEnd = table.MaxTimestamp;

        var active = ActiveEvents.Mask(table, settings.ExcludeEvents);
        for (var user = 0; user < table.SignedUpUserCount; user++)
        {
            var signup = table.SignupAt[user];
            if (signup == long.MinValue) continue;
            var signupDay = calendar.DayOf(signup);
            tables.AddSignup(signupDay, +1);
            var cohort = ProjectCalendar.MonthOfDay(signupDay);
            var lastDay = int.MinValue;
            var month = int.MinValue;
            var mask = 0u;
            for (var row = table.UserOffsets[user]; row < table.UserOffsets[user + 1]; row++)
            {
                if (!active[table.EventCodes[row]]) continue;
                var day = calendar.DayOf(table.Timestamps[row]);
                if (day == lastDay) continue;
                lastDay = day;
                tables.Day(day).ActiveUsers++;
                var dayMonth = ProjectCalendar.MonthOfDay(day);
                if (dayMonth != month)
                {
                    tables.AddCell(cohort, month, mask, +1);
                    (month, mask) = (dayMonth, 0u);
                }
                mask |= 1u << (day - ProjectCalendar.FirstDayOfMonth(dayMonth));
            }
            tables.AddCell(cohort, month, mask, +1);
        }
        return tables;
    }
}
