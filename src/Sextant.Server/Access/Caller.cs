using Microsoft.AspNetCore.Http;

namespace Sextant.Server.Access;

/// <summary>Who made a request: the key's name and role, as the access gate found them.</summary>
/// <param name="Name">The key's name; <c>(none)</c> on a server without keys.</param>
/// <param name="Role">What it may do.</param>
public sealed record Caller(string Name, ApiRole Role)
{
    private const string ItemKey = "sextant.caller";

    /// <summary>The caller of a server without keys: loopback only, every role.</summary>
    public static Caller Open { get; } = new("(none)", ApiRole.Admin);

    /// <summary>The caller the gate recorded, or <see cref="Open"/>.</summary>
    public static Caller Of(HttpContext context) => context?.Items[ItemKey] as Caller ?? Open;

    internal void Attach(HttpContext context) => context.Items[ItemKey] = this;
}
