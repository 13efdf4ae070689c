using Sextant.Events;
using Sextant.Storage;

namespace Sextant.Privacy;

/// <summary>
/// <c>sextant forget</c>: erases people from a store and the quarantine file (docs/PRIVACY.md).
/// The anonymous ids that are theirs come from the identity rule (<see cref="IdentityResolution"/>):
/// an id whose earliest link is to one of them. Every id is checked before anything changes, so an
/// unknown id leaves the store and the quarantine file as they were.
/// </summary>
public static class PersonEraser
{
    /// <summary>Erases <paramref name="userIds"/> (as given; pseudonymised first when <paramref name="pseudonymiser"/> is set).</summary>
    /// <param name="store">The store, read and erased.</param>
    /// <param name="userIds">The people's user ids as the source knew them.</param>
    /// <param name="by">Who asked; logged as given.</param>
    /// <param name="at">When.</param>
    /// <param name="pseudonymiser">The ingest's pseudonymiser when the store holds pseudonyms.</param>
    /// <param name="quarantinePath">The quarantine file, or null when there is none to clean.</param>
    /// <exception cref="SextantException">An id is unknown (nothing is changed) or no id is given.</exception>
    public static ErasureCounts Forget<TStore>(TStore store, IReadOnlyList<string> userIds, string by, Timestamp at, Pseudonymiser? pseudonymiser, string? quarantinePath)
        where TStore : IEventStore, IErasableStore
    {
        ArgumentNullException.ThrowIfNull(store);
        var (given, stored) = StoredIds(userIds, pseudonymiser);
        RequireKnown(store, given, stored, pseudonymiser);

        var targets = new HashSet<string>(stored, StringComparer.Ordinal);
        var anonymous = IdentityResolution.UsersOf(store.ReadLinks())
            .Where(pair => targets.Contains(pair.Value))
            .Select(pair => pair.Key)
            .Order(StringComparer.Ordinal)
            .ToList();

        // The quarantine file holds rows as read: raw ids, and pseudonyms only where a row was already pseudonymised.
        var quarantineIds = given.Concat(stored).Concat(anonymous).Distinct(StringComparer.Ordinal).ToList();
        var quarantineRows = quarantinePath is null ? 0 : QuarantineEraser.Count(quarantinePath, quarantineIds);
        var counts = store.Erase(new ErasureRequest(stored, anonymous, by, at, quarantineRows));
        if (quarantinePath is not null) QuarantineEraser.Remove(quarantinePath, quarantineIds);
        return counts;
    }

    /// <summary>
    /// Fails when one of <paramref name="userIds"/> is not in <paramref name="store"/>; a caller can
    /// run it on a read-only store first, so an unknown id leaves the store file byte for byte as it was.
    /// </summary>
    /// <exception cref="SextantException">An id is unknown, or no id is given.</exception>
    public static void RequireKnown(IEventStore store, IReadOnlyList<string> userIds, Pseudonymiser? pseudonymiser)
    {
        ArgumentNullException.ThrowIfNull(store);
        var (given, stored) = StoredIds(userIds, pseudonymiser);
        RequireKnown(store, given, stored, pseudonymiser);
    }

    private static (List<string> Given, List<string> Stored) StoredIds(IReadOnlyList<string> userIds, Pseudonymiser? pseudonymiser)
    {
        ArgumentNullException.ThrowIfNull(userIds);
        if (userIds.Count == 0) throw new SextantException("forget: name at least one user id");
        var given = userIds.Distinct(StringComparer.Ordinal).ToList();
        return (given, given.Select(id => pseudonymiser?.Of(id) ?? id).ToList());
    }

    private static void RequireKnown(IEventStore store, List<string> given, List<string> stored, Pseudonymiser? pseudonymiser)
    {
        var known = new HashSet<string>(store.ReadUserIds(), StringComparer.Ordinal);
        known.UnionWith(store.ReadProfiles().Select(profile => profile.UserId));
        known.UnionWith(store.ReadSubscriptions().Select(subscription => subscription.UserId));
        known.UnionWith(store.ReadAssignments().Select(assignment => assignment.UserId));
        for (var i = 0; i < given.Count; i++)
        {
            if (known.Contains(stored[i])) continue;
            var pseudonym = pseudonymiser is null ? "" : $" (pseudonym {stored[i]})";
            throw new SextantException($"forget: unknown user id '{given[i]}'{pseudonym}: no event, profile, subscription or assignment in the store has it; nothing was changed");
        }
    }
}
