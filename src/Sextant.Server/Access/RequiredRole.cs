namespace Sextant.Server.Access;

/// <summary>
/// Endpoint metadata: the least role a key needs to call it, and whether every call is audited
/// (writes and admin calls) or only denied ones.
/// </summary>
/// <param name="Role">The least role.</param>
/// <param name="Audited">True for writes and admin calls: every call goes to the audit log.</param>
public sealed record RequiredRole(ApiRole Role, bool Audited);
