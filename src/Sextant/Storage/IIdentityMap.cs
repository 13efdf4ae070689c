namespace Sextant.Storage;

/// <summary>
/// The anonymous-id → user-id links a store knows. Which link wins when an anonymous id was
/// linked to several users is a semantic rule, decided by <see cref="Events.IdentityResolution"/>,
/// not by the store.
/// </summary>
public interface IIdentityMap
{
    /// <summary>Every distinct (anonymous id, user id) pair seen together, with the first instant it was; in no particular order.</summary>
    /// <exception cref="SextantException">The stored data are damaged.</exception>
    IReadOnlyList<IdentityLink> ReadLinks();
}
