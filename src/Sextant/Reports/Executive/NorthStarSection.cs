namespace Sextant.Reports.Executive;

/// <summary>North Star Metric Analysis: the last complete week, the recent weeks, and the extrapolated figure.</summary>
internal static class NorthStarSection
{
    public const string Heading = "North Star Metric Analysis";

    public static ReportSection Build(Findings findings)
    {
        var star = findings.Inputs.Metrics.NorthStar;
        if (star.CollaborationEvents.Count == 0)
            return new ReportSection(Heading, [new Paragraph(Fig.Text("Not measured: sextant.yaml names no north_star.collaboration_events, the events that make a workspace's week collaborative."))]);
        var blocks = new List<Block>
        {
            new Paragraph(RichText.Of($"The North Star is {Fig.Name(star.Name)}: workspaces with at least {Fig.Count(star.MinMembers)} active members in an ISO week and at least one collaboration event ({RichText.Join(", ", star.CollaborationEvents.Select(e => new RichText([Fig.Name(e)])))}) in that week.")),
        };
        if (findings.NorthStarWeek is not { } week)
        {
            blocks.Add(new Paragraph(Fig.Text("No week of the data is complete, so there is no North Star headline yet.").As(Tone.Negative)));
            return new ReportSection(Heading, blocks);
        }
        blocks.Add(new Paragraph(RichText.Of($"Headline, week of {Fig.Name(week.Period)} (the last complete week): {Fig.Count(week.Users)} workspaces in the data.")));
        blocks.Add(new Paragraph(Extrapolated(star.Extrapolated)));
        if (Trend(findings) is { } trend) blocks.Add(new Paragraph(trend));
        if (findings.RecentWeeks.Count > 1)
        {
            var rows = new List<IReadOnlyList<RichText>>();
            for (var i = 0; i < findings.RecentWeeks.Count; i++)
            {
                var current = findings.RecentWeeks[i];
                var change = i == 0 ? Fig.Text("") : RichText.Of($"{Fig.Difference(current.Users, findings.RecentWeeks[i - 1].Users, NumberStyle.SignedCount)}");
                rows.Add([new RichText([Fig.Name(current.Period)]), RichText.Of($"{Fig.Count(current.Users)}"), change]);
            }
            blocks.Add(new Table(["Week of", "Workspaces", "Change"], rows, [1, 2]));
        }
        if (findings.PartialWeek is { } partial)
            blocks.Add(new Paragraph(RichText.Of($"The week of {Fig.Name(partial.Period)} is incomplete ({Fig.Count(partial.Users)} so far) and is not used as a headline.")));
        return new ReportSection(Heading, blocks);
    }

    /// <summary>The headline scaled to the business, labelled as an extrapolation next to the sample figure.</summary>
    internal static RichText Extrapolated(Analysis.Engagement.Extrapolation? scaled) => scaled is null
        ? Fig.Text("It cannot be extrapolated to the business: the sample has no monthly active users.")
        : RichText.Of($"Extrapolated to the business: about {Fig.Count(scaled.Value)} workspaces ({Fig.Count(scaled.Sample)} in the sample × business MAU {Fig.Count(scaled.BusinessMau)} / sample MAU {Fig.Count(scaled.SampleMau)}); an extrapolation, not a measurement.");

    /// <summary>The range and the change over the recent complete weeks; null with fewer than two.</summary>
    internal static RichText? Trend(Findings findings)
    {
        var weeks = findings.RecentWeeks;
        if (weeks.Count < 2) return null;
        var low = weeks.MinBy(w => w.Users)!;
        var high = weeks.MaxBy(w => w.Users)!;
        var first = weeks[0];
        var last = weeks[^1];
        var direction = last.Users > first.Users ? "up" : last.Users < first.Users ? "down" : "unchanged";
        return RichText.Of($"From the week of {Fig.Name(first.Period)} to the week of {Fig.Name(last.Period)} (complete weeks) it ranged from {Fig.Count(low.Users)} to {Fig.Count(high.Users)} workspaces and ended {Fig.Text(direction)} ({Fig.Difference(last.Users, first.Users, NumberStyle.SignedCount)} workspaces). Weekly counts move by chance: read a change as a trend only when it persists.");
    }
}
