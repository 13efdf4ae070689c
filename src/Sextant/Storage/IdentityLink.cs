using Sextant.Events;

namespace Sextant.Storage;

/// <summary>An anonymous id seen together with a user id, and the first instant it was.</summary>
/// <param name="AnonymousId">Device or cookie id.</param>
/// <param name="UserId">The identified user.</param>
/// <param name="FirstSeen">The earliest instant the two ids were seen together.</param>
public sealed record IdentityLink(string AnonymousId, string UserId, Timestamp FirstSeen);
