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

    /// <summary>The key as <c>sextant keys list --json</c> and <c>GET /api/v1/keys</c> show it: never its text.</summary>
    public object ToJson() => new { Name, Role = ApiKeyStore.RoleText(Role), KeyId, CreatedAt, RevokedAt, Active = IsActive };

    /// <summary>A new key as <c>sextant keys create --json</c> and <c>POST /api/v1/keys</c> print it, the only time its text is shown.</summary>
    public static object CreatedJson(ApiKey key, string text)
    {
        ArgumentNullException.ThrowIfNull(key);
        return new { key.Name, Role = ApiKeyStore.RoleText(key.Role), Key = text };
    }
}
