using System.Collections.ObjectModel;

namespace Sextant.Configuration;

/// <summary>The <c>alerts</c> section: which daily series <c>sextant alerts</c> judges, how strictly, and where it posts what fires (docs/ALERTS.md).</summary>
public sealed record AlertsConfig
{
    /// <summary>An http(s) URL that receives a JSON POST when an alert fires (key <c>webhook</c>, default none).</summary>
    public string? Webhook { get; init; }

    /// <summary>Rules (key <c>rules</c>); none (the default) watches every series with the default rule.</summary>
    public IReadOnlyList<AlertRuleConfig> Rules { get; init; } = ReadOnlyCollection<AlertRuleConfig>.Empty;
}

/// <summary>One item of <c>alerts.rules</c>.</summary>
public sealed record AlertRuleConfig
{
    /// <summary>The default sensitivity: |z| above 4 fires.</summary>
    public const double DefaultSensitivity = 4;

    /// <summary>The default minimum volume: days whose expected value (a funnel: entrants) is below 20 are not judged.</summary>
    public const double DefaultMinVolume = 20;

    /// <summary>The words a sensitivity may be given as, and the |z| each stands for.</summary>
    public static readonly IReadOnlyDictionary<string, double> SensitivityWords = new Dictionary<string, double>(StringComparer.Ordinal)
    {
        ["low"] = 5,
        ["medium"] = 4,
        ["high"] = 3,
    };

    /// <summary>Allowed values of <see cref="Direction"/>.</summary>
    public static readonly IReadOnlyList<string> Directions = ["both", "drop", "spike"];

    /// <summary>The metric (key <c>metric</c>, required): events, active_users, signups, revenue, funnel:NAME or source:NAME.</summary>
    public required string Metric { get; init; }

    /// <summary>|z| above which a day fires (key <c>sensitivity</c>, default 4; low = 5, medium = 4, high = 3).</summary>
    public double Sensitivity { get; init; } = DefaultSensitivity;

    /// <summary>both, drop or spike (key <c>direction</c>, default both).</summary>
    public string Direction { get; init; } = "both";

    /// <summary>Days whose expected value (a funnel: the day's entrants) is below this are not judged (key <c>min_volume</c>, default 20).</summary>
    public double MinVolume { get; init; } = DefaultMinVolume;

    /// <summary>Where the rule is written, e.g. <c>sextant.yaml line 12</c>, for errors found once the data are read; empty for a rule made in code.</summary>
    public string Location { get; init; } = "";
}
