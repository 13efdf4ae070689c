namespace Sextant.Analysis.Engagement;

/// <summary>What engagement to compute.</summary>
/// <param name="ExcludeEvents">Events that never make a user active (activity.exclude_events).</param>
/// <param name="ActivationEvents">Activation criteria (default: create_page and edit_page).</param>
/// <param name="ActivationMatchAll">True: all criteria events; false: any of them.</param>
/// <param name="ActivationWindowDays">Days after sign-up to meet the criteria (default 7).</param>
/// <param name="AsOf">Data end; null means the latest event.</param>
public sealed record EngagementQuery(
    IReadOnlyList<string>? ExcludeEvents = null,
    IReadOnlyList<string>? ActivationEvents = null,
    bool ActivationMatchAll = true,
    int ActivationWindowDays = 7,
    long? AsOf = null)
{
    /// <summary>The default activation criteria.</summary>
    public static readonly IReadOnlyList<string> DefaultActivationEvents = ["create_page", "edit_page"];
}
