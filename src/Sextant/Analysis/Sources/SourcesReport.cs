namespace Sextant.Analysis.Sources;

/// <summary>One source's figures on one day.</summary>
/// <param name="Source">The source column's value (mixpanel, segment, csv …).</param>
/// <param name="Events">Events stored from it that day.</param>
/// <param name="Users">Distinct signed-up users among them (after identity resolution).</param>
/// <param name="Visitors">Distinct never-identified anonymous ids among them.</param>
public sealed record SourceDayCount(string Source, long Events, long Users, long Visitors);

/// <summary>Every source on one calendar day of the project's zone.</summary>
/// <param name="Day">The day.</param>
/// <param name="Partial">True for the last day of the data: it may not be over, so its counts are not compared.</param>
/// <param name="Sources">Each source that covers the day (its first to its last day), in source order; a covering source with no event that day has zeros.</param>
/// <param name="EventSpread">(largest − smallest) ÷ largest event count among the covering sources; 0 with fewer than two.</param>
/// <param name="UserSpread">The same for users.</param>
/// <param name="Disagrees">True when a spread exceeds the threshold on a complete day covered by two sources or more.</param>
public sealed record SourceDay(DateOnly Day, bool Partial, IReadOnlyList<SourceDayCount> Sources, double EventSpread, double UserSpread, bool Disagrees);

/// <summary>One source over the whole store.</summary>
/// <param name="Source">Its name.</param>
/// <param name="FirstDay">Its first day with an event.</param>
/// <param name="LastDay">Its last day with an event.</param>
/// <param name="Events">Its events.</param>
/// <param name="Users">Distinct signed-up users among them.</param>
/// <param name="IdentifiedEvents">Events that carry a user id.</param>
/// <param name="AnonymousEvents">Events with only an anonymous id.</param>
/// <param name="LinkEvents">Events that carry both ids, each a link of an anonymous id to a user.</param>
public sealed record SourceTotal(string Source, DateOnly FirstDay, DateOnly LastDay, long Events, long Users, long IdentifiedEvents, long AnonymousEvents, long LinkEvents);

/// <summary>What identity resolution did (SEMANTICS.md, Identity), over every source.</summary>
/// <param name="AnonymousIds">Distinct anonymous ids on events.</param>
/// <param name="LinkedAnonymousIds">Anonymous ids linked to a user: their events count for that user.</param>
/// <param name="ConflictingAnonymousIds">Anonymous ids seen with several users; the earliest link wins.</param>
/// <param name="Visitors">Anonymous ids never linked.</param>
/// <param name="UsersWithLinkedIds">Users with at least one linked anonymous id.</param>
/// <param name="ReattributedEvents">Anonymous-only events counted for a user through a link, also those before it.</param>
/// <param name="UsersInSeveralSources">Users with events from two sources or more.</param>
/// <param name="CrossSourceLinks">Linked anonymous ids whose anonymous events come from another source than every link that names them.</param>
public sealed record IdentityMergeStats(
    long AnonymousIds,
    long LinkedAnonymousIds,
    long ConflictingAnonymousIds,
    long Visitors,
    long UsersWithLinkedIds,
    long ReattributedEvents,
    long UsersInSeveralSources,
    long CrossSourceLinks);

/// <summary>The sources of a store side by side (<c>sextant sources</c>).</summary>
/// <param name="Store">The store.</param>
/// <param name="TimeZone">The zone days are counted in.</param>
/// <param name="Threshold">The relative spread above which a day is flagged.</param>
/// <param name="Sources">Each source's totals, most events first.</param>
/// <param name="Days">Every day with an event, oldest first.</param>
/// <param name="Identity">Identity-merge statistics.</param>
public sealed record SourcesReport(
    string Store,
    string TimeZone,
    double Threshold,
    IReadOnlyList<SourceTotal> Sources,
    IReadOnlyList<SourceDay> Days,
    IdentityMergeStats Identity)
{
    /// <summary>The days where sources disagree by more than the threshold.</summary>
    public IReadOnlyList<SourceDay> Disagreements => [.. Days.Where(d => d.Disagrees)];
}
