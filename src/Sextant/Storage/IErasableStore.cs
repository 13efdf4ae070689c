namespace Sextant.Storage;

/// <summary>
/// A store that can erase a person (GDPR Art. 17, docs/PRIVACY.md). Which anonymous ids belong to
/// the person is the identity rule's answer, worked out above the store; the store only deletes
/// and records that it did, in one transaction where it has them.
/// </summary>
public interface IErasableStore
{
    /// <summary>
    /// Deletes the events whose user id is one of <see cref="ErasureRequest.UserIds"/>, the events
    /// without a user id whose anonymous id is one of <see cref="ErasureRequest.AnonymousIds"/>, and
    /// the profiles, subscriptions and assignments of the user ids; ids no event references any more
    /// leave the store's dictionaries. Records the erasure (who, when, counts; never an id).
    /// </summary>
    ErasureCounts Erase(ErasureRequest request);

    /// <summary>Every erasure recorded, oldest first.</summary>
    IReadOnlyList<ErasureRecord> ReadErasures();
}
