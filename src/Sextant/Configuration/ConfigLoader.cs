using System.Collections.ObjectModel;
using System.Security;
using Sextant.Analysis.Syntax;

namespace Sextant.Configuration;

/// <summary>
/// Reads <c>sextant.yaml</c> into a <see cref="SextantConfig"/>. Every problem is a
/// <see cref="SextantException"/> whose message names the file, the line and the key path,
/// e.g. <c>sextant.yaml line 3: 'business.mau' expects a positive number, got 'ten'</c>;
/// when a file has several problems, the message lists them all, one per line, in line order.
/// </summary>
public static partial class ConfigLoader
{
    /// <summary>The file <see cref="LoadOrDefault(string?)"/> looks for in the current directory.</summary>
    public const string DefaultFileName = "sextant.yaml";

    /// <summary>Reads and validates the configuration file at <paramref name="path"/>.</summary>
    /// <exception cref="SextantException">
    /// The file is missing or unreadable (<c>cannot read '&lt;path&gt;': ...</c>), or its content
    /// is invalid.
    /// </exception>
    public static SextantConfig Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return Parse(ReadText(path), path);
    }

    /// <summary>
    /// Reads the configuration a command should use: the file at <paramref name="path"/> when
    /// one is given (it must exist), otherwise <c>sextant.yaml</c> in the current directory if
    /// there is one, otherwise <see cref="SextantConfig.Default"/>.
    /// </summary>
    /// <exception cref="SextantException">
    /// A given file is missing or unreadable, or the file read is invalid.
    /// </exception>
    public static SextantConfig LoadOrDefault(string? path) =>
        LoadOrDefault(path, Directory.GetCurrentDirectory());

    /// <summary>
    /// Parses configuration text. <paramref name="sourceName"/> names the file in messages.
    /// Empty text, or text with only comments, gives <see cref="SextantConfig.Default"/>.
    /// </summary>
    /// <exception cref="SextantException">The text is not valid YAML or holds an invalid setting.</exception>
    public static SextantConfig Parse(string yamlText, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(yamlText);
        ArgumentException.ThrowIfNullOrEmpty(sourceName);
        var diagnostics = new ConfigDiagnostics(sourceName);
        var root = YamlSection.Root(YamlDocumentReader.ReadRoot(yamlText, diagnostics), diagnostics);
        var config = BindRoot(root);
        root.ReportUnknownKeys();
        diagnostics.ThrowIfAny();
        return config;
    }

    /// <summary><see cref="LoadOrDefault(string?)"/> looking in <paramref name="workingDirectory"/>.</summary>
    internal static SextantConfig LoadOrDefault(string? path, string workingDirectory)
    {
        if (path is not null) return Load(path);
        var candidate = Path.Combine(workingDirectory, DefaultFileName);
        return File.Exists(candidate) ? Parse(ReadText(candidate), DefaultFileName) : SextantConfig.Default;
    }

    private static string ReadText(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException
                                      or NotSupportedException or SecurityException)
        {
            throw new SextantException($"cannot read '{path}': {e.Message}", e);
        }
    }

    // Each section is one record and one method; the keys are asked for in the order the
    // documentation lists them, which is also the order of "expected one of" in messages.

    private static SextantConfig BindRoot(YamlSection section)
    {
        var defaults = SextantConfig.Default;
        var config = new SextantConfig
        {
            TimeZone = section.Get("timezone", defaults.TimeZone, TimeZones.Expectation, TimeZones.TryFindIana),
            Store = section.GetString("store", defaults.Store),
            Pushdown = section.GetBool("pushdown", defaults.Pushdown),
            Ingest = BindIngest(section.GetSection("ingest")),
            Privacy = BindPrivacy(section.GetSection("privacy")),
            Activity = BindActivity(section.GetSection("activity")),
            Activation = BindActivation(section.GetSection("activation")),
            NorthStar = BindNorthStar(section.GetSection("north_star")),
            Features = section.GetStringList("features"),
            Milestones = BindMilestones(section.GetSection("milestones")),
            Funnels = BindFunnels(section.GetSectionList("funnels")),
            Experiments = BindExperiments(section.GetSectionList("experiments")),
            Cohorts = CohortBinder.Bind(section.GetSectionList("cohorts")),
            Growth = BindGrowth(section.GetSection("growth")),
            Health = BindHealth(section.GetSection("health")),
            Check = BindCheck(section.GetSection("check")),
            Business = BindBusiness(section.GetSection("business")),
            Tests = BindTests(section.GetSectionList("tests")),
        };
        // Alert rules name funnels, so they are read once the funnels are.
        return config with { Alerts = BindAlerts(section.GetSection("alerts"), config.Funnels) };
    }

    private static IngestConfig BindIngest(YamlSection section)
    {
        var defaults = new IngestConfig();
        return new IngestConfig
        {
            TimeZone = section.Get("timezone", defaults.TimeZone, TimeZones.Expectation, TimeZones.TryFindIana),
            TimeUnit = section.GetChoice("time_unit", defaults.TimeUnit, IngestConfig.TimeUnits),
            BatchSize = section.GetInt("batch_size", defaults.BatchSize, IngestConfig.MinBatchSize, IngestConfig.MaxBatchSize),
            Quarantine = section.GetOptionalString("quarantine", "a file path"),
            Map = BindColumnMap(section.GetSection("map")),
            DecimalComma = section.GetBool("decimal_comma", defaults.DecimalComma),
            ThousandsSeparator = section.Get<string?>("thousands_separator", null,
                "one of " + string.Join(" | ", IngestConfig.ThousandsSeparators) + " (quote the punctuation: \",\")",
                (string text, out string? value) =>
                {
                    value = text;
                    return IngestConfig.ThousandsSeparators.Contains(text, StringComparer.Ordinal);
                }),
        };
    }

    private static PrivacyConfig BindPrivacy(YamlSection section) => new()
    {
        Pseudonymise = section.GetBool("pseudonymise", false),
        ScrubPii = section.GetBool("scrub_pii", false),
        Allow = section.GetStringList("allow"),
    };

    private static ColumnMapConfig BindColumnMap(YamlSection section) => new()
    {
        Events = section.GetStringMap("events"),
        Users = section.GetStringMap("users"),
        Subscriptions = section.GetStringMap("subscriptions"),
        Assignments = section.GetStringMap("assignments"),
    };

    private static ActivityConfig BindActivity(YamlSection section) => new()
    {
        ExcludeEvents = section.GetStringList("exclude_events"),
    };

    private static ActivationConfig BindActivation(YamlSection section)
    {
        var defaults = new ActivationConfig();
        var events = section.GetStringList("events");
        return new ActivationConfig
        {
            Events = OrDefault(events, defaults.Events),
            Match = section.GetChoice("match", defaults.Match, ActivationConfig.Matches),
            WindowDays = section.GetInt("window_days", defaults.WindowDays, 1, 3650),
        };
    }

    /// <summary>The default list when none (or the same one) is given, so that a file stating the defaults equals the defaults.</summary>
    private static IReadOnlyList<string> OrDefault(IReadOnlyList<string> given, IReadOnlyList<string> defaults) =>
        given.Count == 0 || given.SequenceEqual(defaults) ? defaults : given;

    private static NorthStarConfig BindNorthStar(YamlSection section)
    {
        var defaults = new NorthStarConfig();
        var events = section.GetStringList("collaboration_events");
        return new NorthStarConfig
        {
            MinMembers = section.GetInt("min_members", defaults.MinMembers, 1, 1_000_000),
            CollaborationEvents = OrDefault(events, defaults.CollaborationEvents),
        };
    }

    private static MilestonesConfig BindMilestones(YamlSection section)
    {
        var defaults = new MilestonesConfig();
        var events = section.GetStringList("monetization_events");
        return new MilestonesConfig
        {
            EngagementActiveDays = section.GetInt("engagement_active_days", defaults.EngagementActiveDays, 1, 3650),
            EngagementWithinDays = section.GetInt("engagement_within_days", defaults.EngagementWithinDays, 1, 3650),
            HabitActiveWeeks = section.GetInt("habit_active_weeks", defaults.HabitActiveWeeks, 1, 520),
            HabitWithinWeeks = section.GetInt("habit_within_weeks", defaults.HabitWithinWeeks, 1, 520),
            MonetizationEvents = OrDefault(events, defaults.MonetizationEvents),
        };
    }

    private static IReadOnlyList<FunnelConfig> BindFunnels(IReadOnlyList<YamlSection> sections)
    {
        if (sections.Count == 0) return ReadOnlyCollection<FunnelConfig>.Empty;
        var funnels = new List<FunnelConfig>(sections.Count);
        foreach (var section in sections)
        {
            var defaults = new FunnelConfig { Name = "", Steps = [] };
            var name = section.GetOptionalString("name", "a funnel name");
            var steps = section.GetStringList("steps");
            if (name is null) section.ReportProblem("needs a name");
            if (steps.Count < 2) section.ReportProblem("needs at least 2 steps");
            foreach (var step in steps)
            {
                try
                {
                    FunnelStepText.Parse(step);
                }
                catch (SextantException e)
                {
                    section.ReportProblem(e.Message);
                }
            }
            funnels.Add(new FunnelConfig
            {
                Name = name ?? section.Path,
                Steps = steps,
                Window = section.Get("window", defaults.Window, "a duration such as 30m, 36h, 14d or 2w", DurationText.TryParse),
                Order = section.GetChoice("order", defaults.Order, FunnelConfig.Orders),
                Exclude = section.GetStringList("exclude"),
            });
        }
        return funnels.AsReadOnly();
    }

    private static IReadOnlyList<ExperimentConfig> BindExperiments(IReadOnlyList<YamlSection> sections)
    {
        if (sections.Count == 0) return ReadOnlyCollection<ExperimentConfig>.Empty;
        var experiments = new List<ExperimentConfig>(sections.Count);
        foreach (var section in sections)
        {
            var defaults = new ExperimentConfig { Name = "" };
            var name = section.GetOptionalString("name", "an experiment name");
            if (name is null) section.ReportProblem("needs a name");
            var metrics = section.GetStringList("metrics");
            foreach (var metric in metrics) ReportBadMetric(section, metric);
            var split = new Dictionary<string, double>(StringComparer.Ordinal);
            foreach (var (variant, share) in section.GetStringMap("split"))
            {
                if (double.TryParse(share, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var value) && value > 0) split[variant] = value;
                else section.ReportProblem($"split of '{variant}' expects a positive number, got '{share}'");
            }
            var guardrails = section.GetSectionList("guardrails").Select(g =>
            {
                var metric = g.GetOptionalString("metric", "a metric") ?? "";
                if (metric.Length == 0) g.ReportProblem("needs a metric");
                else ReportBadMetric(g, metric);
                return new GuardrailConfig { Metric = metric, Margin = g.GetDouble("margin", 0.02, "a relative margin from 0 to 1", v => v is >= 0 and < 1) };
            }).ToList();
            experiments.Add(new ExperimentConfig
            {
                Name = name ?? section.Path,
                Control = section.GetString("control", defaults.Control),
                Split = split,
                Metrics = metrics,
                Guardrails = guardrails,
                Segments = section.GetStringList("segments"),
                Alpha = section.GetDouble("alpha", defaults.Alpha, "a significance level between 0 and 0.5", v => v is > 0 and <= 0.5),
                Window = section.Get<TimeSpan?>("window", null, "a duration such as 7d or 4w", (string text, out TimeSpan? value) =>
                {
                    var ok = DurationText.TryParse(text, out var parsed);
                    value = parsed;
                    return ok;
                }),
                MinimumEffect = section.GetDouble("minimum_effect", defaults.MinimumEffect, "a relative effect between 0 and 1", v => v is > 0 and < 1),
            });
        }
        return experiments.AsReadOnly();
    }

    private static void ReportBadMetric(YamlSection section, string metric)
    {
        try
        {
            Analysis.Syntax.MetricSpecText.Parse(metric);
        }
        catch (SextantException e)
        {
            section.ReportProblem(e.Message);
        }
    }

    private static GrowthConfig BindGrowth(YamlSection section)
    {
        var levers = section.GetSectionList("levers");
        if (levers.Count == 0) return new GrowthConfig();
        var bound = new List<GrowthLeverConfig>(levers.Count);
        foreach (var lever in levers)
        {
            var name = lever.GetOptionalString("name", "a lever name");
            if (name is null) lever.ReportProblem("needs a name");
            var moves = lever.GetChoice("moves", GrowthLeverConfig.Rates[0], GrowthLeverConfig.Rates);
            var upliftText = lever.GetStringList("uplift");
            var uplift = upliftText.Select(t => double.TryParse(t, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var v) ? v : double.NaN).ToList();
            if (uplift.Count != 3 || uplift.Any(double.IsNaN) || !(uplift[0] <= uplift[1] && uplift[1] <= uplift[2]))
                lever.ReportProblem($"uplift expects three numbers low, likely, high in order (0.05 = +5%), got [{string.Join(", ", upliftText)}]");
            var defaults = new GrowthLeverConfig { Name = "", Moves = "", Uplift = [] };
            bound.Add(new GrowthLeverConfig
            {
                Name = name ?? lever.Path,
                Moves = moves,
                Uplift = uplift,
                Confidence = lever.GetDouble("confidence", defaults.Confidence, "a probability from 0 to 1", v => v is >= 0 and <= 1),
                EffortMonths = lever.GetDouble("effort_months", defaults.EffortMonths, "a positive number of person-months", v => v > 0),
                RampUpMonths = lever.GetDouble("ramp_up_months", defaults.RampUpMonths, "0 or more months", v => v >= 0),
                Values = GrowthLeverConfig.DimensionKey(moves) is { } dimension ? lever.GetStringList(dimension.Key) : [],
            });
        }
        return new GrowthConfig { Levers = bound.AsReadOnly() };
    }

    private static HealthConfig BindHealth(YamlSection section)
    {
        var defaults = new HealthConfig();
        var weights = section.GetSection("weights");
        var expansion = section.GetSection("expansion");
        const string Weight = "a weight of 0 or more";
        static bool NonNegative(double v) => v >= 0;
        return new HealthConfig
        {
            RecencyWeight = weights.GetDouble("recency", defaults.RecencyWeight, Weight, NonNegative),
            FrequencyWeight = weights.GetDouble("frequency", defaults.FrequencyWeight, Weight, NonNegative),
            BreadthWeight = weights.GetDouble("breadth", defaults.BreadthWeight, Weight, NonNegative),
            CollaborationWeight = weights.GetDouble("collaboration", defaults.CollaborationWeight, Weight, NonNegative),
            TrendWeight = weights.GetDouble("trend", defaults.TrendWeight, Weight, NonNegative),
            TenureWeight = weights.GetDouble("tenure", defaults.TenureWeight, Weight, NonNegative),
            AtRiskBelow = section.GetDouble("at_risk_below", defaults.AtRiskBelow, "a score from 0 to 100", v => v is >= 0 and <= 100),
            ExpansionPlans = OrDefault(expansion.GetStringList("plans"), defaults.ExpansionPlans),
            ExpansionMinFeatures = expansion.GetInt("min_features", defaults.ExpansionMinFeatures, 0, 1000),
            ExpansionMinActiveDays = expansion.GetInt("min_active_days", defaults.ExpansionMinActiveDays, 0, 30),
            ExpansionPlanFrom = expansion.GetChoice("plan_from", "profile", ["profile", "subscriptions"]) == "subscriptions"
                ? Analysis.Health.PlanSource.Subscriptions : Analysis.Health.PlanSource.Profile,
        };
    }

    private static CheckConfig BindCheck(YamlSection section) => new()
    {
        AcceptedValues = BindAcceptedValues(section.GetSection("accepted_values")),
    };

    private static AcceptedValuesConfig BindAcceptedValues(YamlSection section) => new()
    {
        Segment = section.GetStringList("segment"),
        Channel = section.GetStringList("channel"),
        Plan = section.GetStringList("plan"),
    };

    private static BusinessConfig BindBusiness(YamlSection section)
    {
        var defaults = new BusinessConfig();
        return new BusinessConfig
        {
            Mau = section.GetOptionalDouble("mau", "a positive number", value => value > 0),
            Growth = section.GetDouble("growth", defaults.Growth, "a yearly rate above -1 (0.10 means 10%)", value => value > -1),
        };
    }

    private static AlertsConfig BindAlerts(YamlSection section, IReadOnlyList<FunnelConfig> funnels)
    {
        var webhook = section.Get<string?>("webhook", null, "an http:// or https:// URL", (string text, out string? value) =>
        {
            value = text;
            return Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);
        });
        var rules = new List<AlertRuleConfig>();
        foreach (var rule in section.GetSectionList("rules"))
        {
            var defaults = new AlertRuleConfig { Metric = "" };
            var metric = rule.GetOptionalString("metric", "a metric: " + Analysis.Alerts.AlertMetric.Expectation);
            if (metric is null) rule.ReportProblem("needs a metric (" + Analysis.Alerts.AlertMetric.Expectation + ")");
            else if (Analysis.Alerts.AlertMetric.Problem(metric, funnels.Select(f => f.Name).ToList()) is { } problem) rule.ReportProblem(problem);
            rules.Add(new AlertRuleConfig
            {
                Metric = metric ?? "",
                Sensitivity = rule.Get("sensitivity", defaults.Sensitivity, "a positive number (|z| that fires) or low | medium | high", (string text, out double value) =>
                    AlertRuleConfig.SensitivityWords.TryGetValue(text, out value)
                    || (double.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out value) && double.IsFinite(value) && value > 0)),
                Direction = rule.GetChoice("direction", defaults.Direction, AlertRuleConfig.Directions),
                MinVolume = rule.GetDouble("min_volume", defaults.MinVolume, "a number of 0 or more", v => v >= 0),
                Location = rule.Location,
            });
        }
        return new AlertsConfig { Webhook = webhook, Rules = rules.Count == 0 ? ReadOnlyCollection<AlertRuleConfig>.Empty : rules.AsReadOnly() };
    }
}
