namespace Sextant.Events;

/// <summary>
/// What <c>info</c> shows about a table's events, small enough to keep beside it: events and
/// distinct entities per event name (indexed like <see cref="EventNames"/>) and the totals.
/// </summary>
internal sealed record EventSummary(
    string[] EventNames, long[] Events, long[] Users, long EventCount, long EntityCount, long SignedUpUserCount, long MinTimestamp, long MaxTimestamp)
{
    /// <summary>Counts the table's events per name in one pass (rows are grouped by entity, so a change of entity is a new user).</summary>
    public static EventSummary Of(EventTable table)
    {
        var names = table.EventNames.Length;
        var events = new long[names];
        var users = new long[names];
        var lastUser = new int[names];
        Array.Fill(lastUser, -1);
        for (var entity = 0; entity < table.UserCount; entity++)
        {
            for (var row = table.UserOffsets[entity]; row < table.UserOffsets[entity + 1]; row++)
            {
                var code = table.EventCodes[row];
                events[code]++;
                if (lastUser[code] != entity)
                {
                    lastUser[code] = entity;
                    users[code]++;
                }
            }
        }
        return new EventSummary(table.EventNames, events, users, table.EventCount, table.UserCount, table.SignedUpUserCount, table.MinTimestamp, table.MaxTimestamp);
    }
}
