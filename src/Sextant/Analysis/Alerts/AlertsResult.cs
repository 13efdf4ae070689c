using Sextant.Events;

namespace Sextant.Analysis.Alerts;

/// <summary>Which way a day left its baseline.</summary>
public enum AlertDirection
{
    /// <summary>Below the expected value.</summary>
    Drop,

    /// <summary>Above the expected value.</summary>
    Spike,
}

/// <summary>What became of one day of one series.</summary>
public enum AlertDayStatus
{
    /// <summary>Judged, within the rule's bounds.</summary>
    Normal,

    /// <summary>Judged, and outside the rule's bounds: an alert fired.</summary>
    Alert,

    /// <summary>Not judged: the day's value is not final yet (the day, or a funnel's window after it, ends after the data end).</summary>
    Incomplete,

    /// <summary>Not judged: too little history before the day for a baseline and its scale.</summary>
    NotEnoughHistory,

    /// <summary>Not judged: the expected value (a funnel: the day's entrants) is below the rule's min_volume.</summary>
    LowVolume,

    /// <summary>Not judged: the day has no value (a funnel day nobody entered).</summary>
    NoValue,
}

/// <summary>An alert: a day whose value lies further from its baseline than its rule allows.</summary>
/// <param name="Day">The calendar day, in the project time zone.</param>
/// <param name="Metric">The series.</param>
/// <param name="Value">The day's value.</param>
/// <param name="Expected">The baseline's expected value.</param>
/// <param name="Scale">The baseline's scale (one z unit, in the metric's unit).</param>
/// <param name="Z">(value − expected) / scale.</param>
/// <param name="Direction">drop or spike.</param>
/// <param name="Rule">The rule that fired: rules[i] of sextant.yaml, or default.</param>
/// <param name="Sensitivity">The rule's |z| bound.</param>
public sealed record Alert(DateOnly Day, string Metric, double Value, double Expected, double Scale, double Z, AlertDirection Direction, string Rule, double Sensitivity);

/// <summary>One day of a watched series.</summary>
/// <param name="Day">The calendar day.</param>
/// <param name="Value">The day's value (null when it has none).</param>
/// <param name="Expected">The baseline's expected value (null without enough history).</param>
/// <param name="Scale">The baseline's scale (null without enough history).</param>
/// <param name="Z">(value − expected) / scale (null when either is missing).</param>
/// <param name="Volume">The day's volume: its value for a count or sum, its entrants for a funnel.</param>
/// <param name="Status">Whether the day was judged, and how it came out.</param>
public sealed record AlertDay(DateOnly Day, double? Value, double? Expected, double? Scale, double? Z, double Volume, AlertDayStatus Status);

/// <summary>One rule applied to one series over the days asked for.</summary>
/// <param name="Metric">The series.</param>
/// <param name="Rule">rules[i] of sextant.yaml, or default.</param>
/// <param name="Sensitivity">|z| above which a day fires.</param>
/// <param name="Direction">both, drop or spike.</param>
/// <param name="MinVolume">Days below this volume are not judged.</param>
/// <param name="LastCompleteDay">The series' last complete day (null when no day is complete yet).</param>
/// <param name="DaysJudged">Days judged (normal or alert).</param>
/// <param name="DaysNotJudged">Days asked for that were not judged (incomplete, too little history, low volume, no value).</param>
/// <param name="Alerts">Alerts fired.</param>
/// <param name="Note">One line: what was judged, and why the other days were not.</param>
/// <param name="Days">Every day asked for, in order.</param>
public sealed record AlertSeriesResult(
    string Metric, string Rule, double Sensitivity, string Direction, double MinVolume, DateOnly? LastCompleteDay,
    int DaysJudged, int DaysNotJudged, int Alerts, string Note, IReadOnlyList<AlertDay> Days);

/// <summary>What <c>sextant alerts</c> found (docs/ALERTS.md; JSON in docs/JSON.md).</summary>
/// <param name="DataEnd">The latest event instant.</param>
/// <param name="TimeZone">The project time zone the days are cut in.</param>
/// <param name="Series">Each rule on each series it watches.</param>
/// <param name="Alerts">Every alert fired, by day then metric.</param>
public sealed record AlertsResult(Timestamp DataEnd, string TimeZone, IReadOnlyList<AlertSeriesResult> Series, IReadOnlyList<Alert> Alerts)
{
    /// <summary>True when any alert fired (the command then exits 1).</summary>
    public bool Fired => Alerts.Count > 0;
}
