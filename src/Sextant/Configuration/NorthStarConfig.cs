using System.Collections.ObjectModel;

namespace Sextant.Configuration;

/// <summary>The North Star, weekly active collaborative workspaces (key <c>north_star</c>).</summary>
public sealed record NorthStarConfig
{
    /// <summary>The demo product's collaboration events, share_page, comment, invite_member: never assumed for other data.</summary>
    public static readonly IReadOnlyList<string> DefaultCollaborationEvents = new ReadOnlyCollection<string>(["share_page", "comment", "invite_member"]);

    /// <summary>Distinct active members a workspace needs in the week (key <c>north_star.min_members</c>, default 2).</summary>
    public int MinMembers { get; init; } = 2;

    /// <summary>
    /// Events that count as collaboration (key <c>north_star.collaboration_events</c>); empty by
    /// default, when the North Star is not measured and says so. The lifecycle funnel's
    /// Collaboration stage and health's collaboration use them too.
    /// </summary>
    public IReadOnlyList<string> CollaborationEvents { get; init; } = ReadOnlyCollection<string>.Empty;
}
