using Sextant.Events;

namespace Sextant.Analysis;

/// <summary>Signed-up users whose latest event falls in the days before the data end: the sample MAU behind extrapolated figures.</summary>
internal static class RecentUsers
{
    /// <summary>True per signed-up user with an event in (<paramref name="dataEnd"/> − <paramref name="days"/> days, <paramref name="dataEnd"/>].</summary>
    public static bool[] Mask(EventTable table, long dataEnd, int days = 30)
    {
        var recent = new bool[table.SignedUpUserCount];
        var since = dataEnd - days * Timestamp.MicrosPerDay;
        for (var user = 0; user < recent.Length; user++)
        {
            // Events after the data end (an earlier --to than the data's own end) are not seen.
            var last = table.UserOffsets[user + 1] - 1;
            while (last >= table.UserOffsets[user] && table.Timestamps[last] > dataEnd) last--;
            recent[user] = last >= table.UserOffsets[user] && table.Timestamps[last] > since;
        }
        return recent;
    }

    /// <summary>How many signed-up users <see cref="Mask"/> marks.</summary>
    public static long Count(EventTable table, long dataEnd, int days = 30) => Mask(table, dataEnd, days).LongCount(r => r);
}
