namespace Sextant.Analysis;

/// <summary>
/// Events that record that something happened to a user rather than a product feature they
/// used: sign-up, page and screen views, and tool events whose name starts with <c>$</c>
/// (<c>$pageview</c>, <c>$experiment_started</c>). They are never counted as features unless
/// sextant.yaml lists them under <c>features</c>.
/// </summary>
public static class SystemEvents
{
    private static readonly HashSet<string> Names = new(StringComparer.OrdinalIgnoreCase)
    {
        "signup", "sign_up", "signed_up", "page_view", "pageview", "page_viewed", "screen_view", "screen_viewed",
    };

    /// <summary>The system events' names, in lower case and ordinal order (besides every name starting with <c>$</c>).</summary>
    internal static IReadOnlyList<string> Listed { get; } = [.. Names.Order(StringComparer.Ordinal)];

    /// <summary>True when <paramref name="name"/> is a system event, not a feature.</summary>
    public static bool Is(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return name.StartsWith('$') || Names.Contains(name);
    }
}
