namespace Sextant.Reports.Executive;

/// <summary>Key Metrics Snapshot: active users, stickiness, activation, month-1 retention, revenue and health.</summary>
internal static class KeyMetricsSection
{
    public const string Heading = "Key Metrics Snapshot";

    public static ReportSection Build(Findings findings)
    {
        var inputs = findings.Inputs;
        var metrics = inputs.Metrics;
        // Stated once, first: every section that counts active users (retention, revenue, health,
        // experiments) is computed with this same list of excluded events.
        var items = new List<RichText> { Fig.Text(ActiveUsers.Definition(metrics.ExcludedEvents)) };
        if (findings.LastCompleteDay is { } day)
        {
            long On(IReadOnlyList<Analysis.Engagement.DailyCount> series) => series.First(d => d.Date == day).Users;
            items.Add(RichText.Of($"Active users on {Fig.Name(day)} (the last complete day): DAU {Fig.Count(On(metrics.Dau))}, WAU {Fig.Count(On(metrics.Wau))}, MAU {Fig.Count(On(metrics.Mau))}."));
        }
        else
        {
            items.Add(Fig.Text("Active users: no complete day in the data, so no DAU, WAU or MAU headline."));
        }
        items.Add(metrics.Stickiness.Days > 0
            ? RichText.Of($"Stickiness (DAU/MAU, mean over the final {Fig.Count(metrics.Stickiness.Days)} complete days): {Fig.Percent(metrics.Stickiness.Headline)}.")
            : Fig.Text("Stickiness: no complete day to average."));
        items.Add(Activation(findings));
        items.Add(MonthOne(findings));
        items.Add(Revenue(findings));
        items.Add(Health(findings));
        return new ReportSection(Heading, [new BulletList(items)]);
    }

    internal static RichText Activation(Findings findings)
    {
        var activation = findings.Inputs.Metrics.Activation;
        if (activation.Events.Count == 0) return Fig.Text("Activation: not measured, because sextant.yaml names no activation.events (the events that activate a user).");
        return activation.Eligible == 0
            ? Fig.Text("Activation: no signed-up user's activation window has ended yet, so there is no rate.")
            : RichText.Of($"Activation rate: {Fig.RateWithInterval(activation.Rate, activation.CiLow, activation.CiHigh)} ({Fig.Count(activation.Activated)} of {Fig.Count(activation.Eligible)} users whose {Fig.Count(activation.WindowDays)}-day window has ended).");
    }

    internal static RichText MonthOne(Findings findings) => findings.MonthOne is { } m
        ? RichText.Of($"Month-1 retention (complete cohort months): {Fig.RateWithInterval(m.Rate, m.CiLow, m.CiHigh)} of {Fig.Count(m.Eligible)} users.")
        : Fig.Text("Month-1 retention: no cohort has a complete first month yet.");

    internal static RichText Revenue(Findings findings)
    {
        if (!findings.HasRevenue || findings.RevenueMonth is not { } month)
            return findings.RevenueMonth is null && findings.Inputs.Revenue.Months.Count > 0
                ? Fig.Text("Revenue: no calendar month is complete yet, so there is no revenue headline.")
                : Fig.Text("Revenue: the data record no revenue.");
        var currency = Phrases.Currency(findings.Currency);
        var months = findings.Inputs.Revenue.Months;
        var at = months.ToList().IndexOf(month);
        // A month on its own says little: the change against the month before is what a reader asks next.
        var change = at > 0 && months[at - 1].Revenue > 0
            ? RichText.Of($", {Fig.Change(month.Revenue, months[at - 1].Revenue)} on {Fig.Name(months[at - 1].Month)} ({Fig.Money(months[at - 1].Revenue)}{currency})")
            : Fig.Text(", the first month with revenue");
        return RichText.Of($"Revenue in {Fig.Name(month.Month)} (the last complete month): {Fig.Money(month.Revenue)}{currency}{change}; ARPU {Fig.Amount(month.Arpu)}{currency} over {Fig.Count(month.ActiveUsers)} active users; ARPPU {Fig.Amount(month.Arppu)}{currency} over {Fig.Count(month.PayingUsers)} paying users.");
    }

    internal static RichText Health(Findings findings)
    {
        var health = findings.Inputs.Health;
        return health.Users.Count == 0
            ? Fig.Text("Health: no user was scored.")
            : RichText.Of($"At risk: {Fig.Ratio(health.AtRisk, health.Users.Count, NumberStyle.Percent)} of scored users ({Fig.Count(health.AtRisk)} of {Fig.Count(health.Users.Count)}; {Fig.Name(health.Population)}); mean health score {Fig.Of(health.MeanScore, NumberStyle.OneDecimal)}.");
    }
}
