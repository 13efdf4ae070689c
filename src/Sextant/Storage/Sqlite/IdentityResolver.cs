namespace Sextant.Storage.Sqlite;

/// <summary>
/// Decides which entity an anonymous-only event belongs to. An anonymous id seen on an event
/// that also carries a user id is linked to that user (the earliest such event wins when an id
/// was shared by several users); all its anonymous events count for that user, retroactively.
/// Anonymous ids never linked become visitors.
/// </summary>
internal static class IdentityResolver
{
    /// <returns>Entity per anonymous code (index = code); visitors numbered after the users.</returns>
    public static int[] Resolve(int[] users, int[] anonymous, long[] times, int userCount, int anonymousCount, out List<int> visitorAnonymousCodes)
    {
        var linkedUser = new int[anonymousCount + 1];
        var linkedAt = new long[anonymousCount + 1];
        Array.Fill(linkedAt, long.MaxValue);
        var seenAlone = new bool[anonymousCount + 1];
        for (var row = 0; row < users.Length; row++)
        {
            var anonymousCode = anonymous[row];
            if (anonymousCode == 0) continue;
            if (users[row] == 0)
            {
                seenAlone[anonymousCode] = true;
            }
            else if (times[row] < linkedAt[anonymousCode])
            {
                linkedAt[anonymousCode] = times[row];
                linkedUser[anonymousCode] = users[row];
            }
        }

        var entity = new int[anonymousCount + 1];
        visitorAnonymousCodes = [];
        for (var code = 1; code <= anonymousCount; code++)
        {
            if (linkedUser[code] != 0)
            {
                entity[code] = linkedUser[code] - 1;
            }
            else if (seenAlone[code])
            {
                entity[code] = userCount + visitorAnonymousCodes.Count;
                visitorAnonymousCodes.Add(code);
            }
        }
        return entity;
    }
}
