namespace Sextant.Server.Access;

/// <summary>
/// What a key may do; each role includes the ones before it (docs/SERVER.md, Keys and roles).
/// </summary>
public enum ApiRole
{
    /// <summary>Run analyses and read store facts.</summary>
    Read = 1,

    /// <summary>Read, and send events.</summary>
    Write = 2,

    /// <summary>Write, and manage keys, erase people and read the configuration and audit log.</summary>
    Admin = 3,
}
