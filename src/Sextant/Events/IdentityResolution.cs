using Sextant.Storage;

namespace Sextant.Events;

/// <summary>
/// Who an event belongs to (SEMANTICS.md, Identity). An anonymous id seen together with a user id
/// is linked to that user, and all its events count for that user, retroactively — also the
/// anonymous events before the link. When an id was linked to several users, the earliest link
/// wins (on a tie, the one met first). Anonymous ids never linked are visitors. The rule works on
/// whatever links a store supplies; no store applies it itself.
/// </summary>
public static class IdentityResolution
{
    /// <summary>The user each linked anonymous id belongs to, by the earliest-link rule (the first listed wins a tie).</summary>
    public static IReadOnlyDictionary<string, string> UsersOf(IEnumerable<IdentityLink> links)
    {
        ArgumentNullException.ThrowIfNull(links);
        var winners = new Dictionary<string, IdentityLink>(StringComparer.Ordinal);
        foreach (var link in links)
            if (!winners.TryGetValue(link.AnonymousId, out var current) || Supersedes(link.FirstSeen.UnixMicroseconds, current.FirstSeen.UnixMicroseconds))
                winners[link.AnonymousId] = link;
        return winners.ToDictionary(pair => pair.Key, pair => pair.Value.UserId, StringComparer.Ordinal);
    }

    /// <summary>
    /// The same rule over coded event columns, where every event carrying both ids is a link
    /// (the hot path of the EventTable load: no allocation per event).
    /// </summary>
    /// <param name="users">User code per event (0 = none).</param>
    /// <param name="anonymous">Anonymous code per event (0 = none).</param>
    /// <param name="times">Instant per event.</param>
    /// <param name="userCount">Number of user entities; visitors are numbered after them.</param>
    /// <param name="anonymousCount">Largest anonymous code.</param>
    /// <param name="visitorAnonymousCodes">The anonymous code of each visitor, in entity order.</param>
    /// <returns>Entity per anonymous code (index = code): its user's index, or its visitor entity.</returns>
    internal static int[] Resolve(ReadOnlySpan<int> users, ReadOnlySpan<int> anonymous, ReadOnlySpan<long> times, int userCount, int anonymousCount, out List<int> visitorAnonymousCodes)
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
            else if (Supersedes(times[row], linkedAt[anonymousCode]))
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

    /// <summary>A link replaces the current one only when strictly earlier, so the first met wins a tie.</summary>
    private static bool Supersedes(long candidateAt, long currentAt) => candidateAt < currentAt;
}
