using Sextant.Events;

namespace Sextant.Server.Access;

/// <summary>A key as stored: its name, role and public id; never the key itself.</summary>
/// <param name="Name">The name it was created with, unique in the store.</param>
/// <param name="Role">What it may do.</param>
/// <param name="KeyId">The public part of the key (after <c>sxk_</c>), by which a presented key is looked up.</param>
/// <param name="CreatedAt">When it was created.</param>
/// <param name="RevokedAt">When it was revoked, or null while it is valid.</param>
public sealed record ApiKey(string Name, ApiRole Role, string KeyId, Timestamp CreatedAt, Timestamp? RevokedAt)
{
    /// <summary>True until the key is revoked.</summary>
    public bool IsActive => RevokedAt is null;
}
