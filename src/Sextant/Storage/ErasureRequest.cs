using Sextant.Events;

namespace Sextant.Storage;

/// <summary>What to erase and how the erasure is logged.</summary>
/// <param name="UserIds">The stored user ids (pseudonyms when the store is pseudonymised).</param>
/// <param name="AnonymousIds">The anonymous ids linked to those users by the identity rule.</param>
/// <param name="By">Who asked for the erasure (a name, a ticket), logged as given.</param>
/// <param name="At">When it was made.</param>
/// <param name="QuarantineRows">Rows of the quarantine file removed with it, logged beside the store's counts.</param>
public sealed record ErasureRequest(IReadOnlyList<string> UserIds, IReadOnlyList<string> AnonymousIds, string By, Timestamp At, long QuarantineRows);

/// <summary>How many records of each kind an erasure removed.</summary>
/// <param name="Users">Users erased.</param>
/// <param name="Events">Events deleted.</param>
/// <param name="Profiles">Profile rows deleted.</param>
/// <param name="Subscriptions">Subscription rows deleted.</param>
/// <param name="Assignments">Assignment rows deleted.</param>
/// <param name="AnonymousIds">Linked anonymous ids erased with them.</param>
/// <param name="QuarantineRows">Quarantine-file rows removed.</param>
public sealed record ErasureCounts(long Users, long Events, long Profiles, long Subscriptions, long Assignments, long AnonymousIds, long QuarantineRows);

/// <summary>One logged erasure: who asked, when, and what it removed — never whose data it was.</summary>
/// <param name="By">Who asked for it.</param>
/// <param name="At">When it was made.</param>
/// <param name="Counts">What it removed.</param>
public sealed record ErasureRecord(string By, Timestamp At, ErasureCounts Counts);
