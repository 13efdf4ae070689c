namespace Sextant.Analysis.Funnels;

/// <summary>How steps must follow each other (SEMANTICS.md, Funnels).</summary>
public enum FunnelOrder
{
    /// <summary>Steps in order; other events may come between them (the default).</summary>
    Ordered,
    /// <summary>Steps in order; an event that matches no step resets progress.</summary>
    Strict,
    /// <summary>Steps in any order; step k counts users who did any k of them.</summary>
    Unordered,
}

/// <summary>One funnel step: an event name, or a set of names any of which counts.</summary>
/// <param name="Name">Label of the step.</param>
/// <param name="Events">Event names that satisfy the step.</param>
public sealed record FunnelStep(string Name, IReadOnlyList<string> Events)
{
    /// <summary>A step of one event, or of several separated by '|'.</summary>
    public static FunnelStep Parse(string text)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        var events = text.Split('|', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        return new FunnelStep(text.Trim(), events);
    }
}

/// <summary>What funnel to compute.</summary>
/// <param name="Steps">Two or more steps.</param>
/// <param name="Window">Conversion window from the step-1 instant of an attempt (inclusive).</param>
/// <param name="Order">How steps must follow each other.</param>
/// <param name="Exclude">Events that remove a user when they occur between step 1 and the user's last matched step.</param>
/// <param name="Breakdown">Profile attribute to break down by (segment, channel, plan, …), or null.</param>
/// <param name="BreakdownLimit">Values beyond the most common ones (by step-1 users) are grouped as Other.</param>
public sealed record FunnelQuery(
    IReadOnlyList<FunnelStep> Steps,
    TimeSpan Window,
    FunnelOrder Order = FunnelOrder.Ordered,
    IReadOnlyList<string>? Exclude = null,
    string? Breakdown = null,
    int BreakdownLimit = 10)
{
    /// <summary>The default conversion window: 14 days.</summary>
    public static readonly TimeSpan DefaultWindow = TimeSpan.FromDays(14);
}
