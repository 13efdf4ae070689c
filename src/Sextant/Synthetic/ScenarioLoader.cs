using System.Globalization;
using Sextant.Configuration;

namespace Sextant.Synthetic;

/// <summary>
/// Reads notion-scenario parameters from YAML (scenarios/notion.yaml is the default, ready to
/// copy and edit). Keys are the snake_case names of <see cref="NotionScenario"/>'s properties;
/// a missing key keeps its default; an unknown key or a bad value is an error naming the key
/// and the line, as in sextant.yaml.
/// </summary>
public static class ScenarioLoader
{
    /// <summary>Reads a scenario file.</summary>
    /// <exception cref="SextantException">The file is unreadable or holds an invalid setting.</exception>
    public static NotionScenario Load(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or ArgumentException)
        {
            throw new SextantException($"cannot read '{path}': {exception.Message}", exception);
        }
        return Parse(text, path);
    }

    /// <summary>Parses scenario YAML; <paramref name="sourceName"/> names the file in messages.</summary>
    public static NotionScenario Parse(string yamlText, string sourceName)
    {
        var diagnostics = new ConfigDiagnostics(sourceName);
        var root = YamlSection.Root(YamlDocumentReader.ReadRoot(yamlText, diagnostics), diagnostics);
        var defaults = new NotionScenario();
        var positive = (double value) => value > 0;
        var probability = (double value) => value is >= 0 and <= 1;
        var scenario = new NotionScenario
        {
            Users = root.GetInt("users", defaults.Users, 1, 100_000_000),
            From = root.Get("from", defaults.From, "a date YYYY-MM-DD", TryDate),
            To = root.Get("to", defaults.To, "a date YYYY-MM-DD", TryDate),
            Seed = root.GetInt("seed", (int)defaults.Seed),
            SignupGrowth = root.GetDouble("signup_growth", defaults.SignupGrowth, "a yearly growth rate above -1", v => v > -1),
            VisitorsPerSignup = root.GetDouble("visitors_per_signup", defaults.VisitorsPerSignup, "a number of at least 0", v => v >= 0),
            Segments = Groups(root, "segments", defaults.Segments, withTeams: true),
            Channels = Groups(root, "channels", defaults.Channels, withTeams: false),
            Platforms = Groups(root, "platforms", defaults.Platforms, withTeams: false),
            FastActivatorShare = root.GetDouble("fast_activator_share", defaults.FastActivatorShare, "a probability", probability),
            SurvivalAlpha = root.GetDouble("survival_alpha", defaults.SurvivalAlpha, "a positive number", positive),
            SurvivalBeta = root.GetDouble("survival_beta", defaults.SurvivalBeta, "a positive number", positive),
            FastActivatorRetention = root.GetDouble("fast_activator_retention", defaults.FastActivatorRetention, "a positive number", positive),
            NotActivatedMonthlySurvival = root.GetDouble("not_activated_monthly_survival", defaults.NotActivatedMonthlySurvival, "a probability", probability),
            ActiveMonthProbability = root.GetDouble("active_month_probability", defaults.ActiveMonthProbability, "a probability", probability),
            CohortImprovement = root.GetDouble("cohort_improvement", defaults.CohortImprovement, "a number above -1", v => v > -1),
            MedianActiveDays = root.GetDouble("median_active_days", defaults.MedianActiveDays, "a positive number", positive),
            IntensitySigma = root.GetDouble("intensity_sigma", defaults.IntensitySigma, "a number of at least 0", v => v >= 0),
            EventsPerSession = root.GetDouble("events_per_session", defaults.EventsPerSession, "a number of at least 1", v => v >= 1),
            EngagedPaidFactor = root.GetDouble("engaged_paid_factor", defaults.EngagedPaidFactor, "a positive number", positive),
            UnengagedPaidFactor = root.GetDouble("unengaged_paid_factor", defaults.UnengagedPaidFactor, "a number of at least 0", v => v >= 0),
            FeatureEffects = FeatureEffects(root, defaults.FeatureEffects),
            Experiments = Experiments(root, defaults.Experiments),
            PlanPrices = Prices(root, defaults.PlanPrices),
        };
        root.ReportUnknownKeys();
        diagnostics.ThrowIfAny();
        if (scenario.To <= scenario.From) throw new SextantException($"{sourceName}: 'to' ({scenario.To:yyyy-MM-dd}) must come after 'from' ({scenario.From:yyyy-MM-dd})");
        return scenario;
    }

    private static IReadOnlyList<ScenarioGroup> Groups(YamlSection root, string key, IReadOnlyList<ScenarioGroup> defaults, bool withTeams)
    {
        var sections = root.GetSectionList(key);
        if (sections.Count == 0) return defaults;
        return sections.Select(section => new ScenarioGroup(
            section.GetString("name", "unnamed"),
            section.GetDouble("share", 1, "a positive weight", v => v > 0),
            section.GetDouble("activation", 1, "a number of at least 0", v => v >= 0),
            section.GetDouble("paid", 1, "a number of at least 0", v => v >= 0),
            section.GetDouble("retention", 1, "a positive number", v => v > 0),
            withTeams ? section.GetInt("team_size", 1, 1, 10_000) : 1)).ToList();
    }

    private static IReadOnlyList<ScenarioFeatureEffect> FeatureEffects(YamlSection root, IReadOnlyList<ScenarioFeatureEffect> defaults)
    {
        var sections = root.GetSectionList("feature_effects");
        if (sections.Count == 0) return defaults;
        return sections.Select(section =>
        {
            var feature = section.GetString("feature", "feature");
            var adoption = section.GetStringMap("adoption").ToDictionary(
                pair => pair.Key,
                pair => double.TryParse(pair.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var p) && p is >= 0 and <= 1
                    ? p
                    : throw new SextantException($"{section.Path}.adoption.{pair.Key}: expected a probability, got '{pair.Value}'"));
            return new ScenarioFeatureEffect(
                feature,
                adoption,
                section.GetDouble("survival_odds_factor", 1, "a positive number", v => v > 0),
                section.GetDouble("paid_odds_factor", 1, "a positive number", v => v > 0));
        }).ToList();
    }

    private static IReadOnlyList<ScenarioExperiment> Experiments(YamlSection root, IReadOnlyList<ScenarioExperiment> defaults)
    {
        var sections = root.GetSectionList("experiments");
        if (sections.Count == 0) return defaults;
        return sections.Select(section => new ScenarioExperiment(
            section.GetString("name", "experiment"),
            section.Get("start", new DateOnly(2025, 1, 1), "a date YYYY-MM-DD", TryDate),
            section.Get("end", new DateOnly(2025, 3, 31), "a date YYYY-MM-DD", TryDate),
            section.GetDouble("activation_lift", 0, "a number between -1 and 1", v => v is >= -1 and <= 1),
            section.GetDouble("survival_odds_change", 0, "a number above -1", v => v > -1),
            section.GetOptionalString("harmed_platform"),
            section.GetString("goal", "activated"),
            section.GetOptionalString("guardrail"))).ToList();
    }

    private static IReadOnlyDictionary<string, decimal> Prices(YamlSection root, IReadOnlyDictionary<string, decimal> defaults)
    {
        var section = root.GetSection("plan_prices");
        var prices = new Dictionary<string, decimal>(StringComparer.Ordinal);
        foreach (var plan in defaults.Keys)
            prices[plan] = (decimal)section.GetDouble(plan, (double)defaults[plan], "a price of at least 0", v => v >= 0);
        return prices;
    }

    private static bool TryDate(string text, out DateOnly value) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out value);
}
