using System.Globalization;
using Sextant.Events;

namespace Sextant.Synthetic;

/// <summary>
/// Generates the notion scenario: users with segments, channels, platforms and team workspaces,
/// anonymous visits before sign-up (linked at sign-up), activation, monthly survival, sessions
/// of product events, upgrades with subscriptions, and two experiments with planted effects.
/// Every user draws from its own random stream, so users are generated in parallel and the
/// output depends only on the seed. The model is described in docs/SCENARIOS.md.
/// </summary>
public static class NotionGenerator
{
    private const long Minute = Timestamp.MicrosPerMinute;
    private const long Hour = Timestamp.MicrosPerHour;
    private const long Day = Timestamp.MicrosPerDay;

    /// <summary>Generates the whole scenario in memory.</summary>
    public static GeneratedData Generate(NotionScenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        if (scenario.Users < 1) throw new SextantException($"a scenario needs at least 1 user, got {scenario.Users}");
        if (scenario.To <= scenario.From) throw new SextantException($"the scenario's end {scenario.To} must come after its start {scenario.From}");

        var people = DealUsers(scenario);
        AssignWorkspaces(scenario, people);
        var results = new UserOutcome[people.Length];
        Parallel.For(0, people.Length, i => results[i] = UserSimulation.Run(scenario, people[i], people));

        var events = new List<EventRecord>(results.Sum(r => r.Events.Count) + scenario.Users * 2);
        foreach (var result in results) events.AddRange(result.Events);
        events.AddRange(VisitorEvents(scenario));

        var users = people.Select(p => new UserProfile(p.UserId, new Timestamp(p.SignupAt), p.Segment.Name, p.Channel.Name,
            results[p.Index].Plan, p.Country, p.Platform.Name, p.WorkspaceId, $"{{\"company_size\":{p.CompanySize}}}")).ToList();
        var truth = new ScenarioTruth(
            scenario,
            results.Count(r => r.Activated),
            results.Count(r => r.FastActivator),
            results.Count(r => r.Subscription is not null),
            VisitorCount(scenario),
            ExperimentTruth(scenario, results),
            scenario.FeatureEffects.Select(effect =>
            {
                var adopters = results.SelectMany(r => r.Adoptions).Where(a => a.Feature == effect.Feature).ToList();
                return new FeatureEffectTruth(effect.Feature, adopters.Count,
                    adopters.Count == 0 ? 0 : adopters.Average(a => a.SurvivalDifference),
                    adopters.Count == 0 ? 0 : adopters.Average(a => a.PaidDifference));
            }).ToList());
        return new GeneratedData(users, events, results.Where(r => r.Subscription is not null).Select(r => r.Subscription!).ToList(),
            results.SelectMany(r => r.Assignments).ToList(), truth);
    }

    /// <summary>Instant (µs) at which a calendar day starts, UTC.</summary>
    internal static long DayStart(DateOnly day) => (day.DayNumber - new DateOnly(1970, 1, 1).DayNumber) * Day;

    private static Person[] DealUsers(NotionScenario scenario)
    {
        var days = scenario.To.DayNumber - scenario.From.DayNumber + 1;
        var growth = Math.Log(1 + scenario.SignupGrowth) / 365.0;
        var segmentWeights = scenario.Segments.Select(s => s.Share).ToArray();
        var channelWeights = scenario.Channels.Select(c => c.Share).ToArray();
        var platformWeights = scenario.Platforms.Select(p => p.Share).ToArray();
        var people = new Person[scenario.Users];
        for (var i = 0; i < people.Length; i++)
        {
            var random = DeterministicRandom.For(scenario.Seed, i, salt: 1);
            // Sign-ups grow exponentially over the period: invert the cumulative share.
            var u = random.NextDouble();
            var dayOffset = growth == 0 ? u * days : Math.Log(1 + u * (Math.Exp(growth * days) - 1)) / growth;
            var day = scenario.From.AddDays(Math.Min(days - 1, (int)dayOffset));
            var hour = Math.Clamp(13 + 3.5 * random.Normal(), 0, 23.99);
            var segment = scenario.Segments[random.Pick(segmentWeights)];
            people[i] = new Person
            {
                Index = i,
                UserId = "u" + (i + 1).ToString("D6", CultureInfo.InvariantCulture),
                SignupAt = DayStart(day) + (long)(hour * Hour),
                Segment = segment,
                Channel = scenario.Channels[random.Pick(channelWeights)],
                Platform = scenario.Platforms[random.Pick(platformWeights)],
                Country = Countries[random.Next(Countries.Length)],
                CompanySize = segment.TeamSize <= 1 ? 1 : segment.TeamSize * (1 + random.Next(20)),
            };
        }
        return people;
    }

    /// <summary>Team users join open workspaces of their segment in sign-up order; others get their own.</summary>
    private static void AssignWorkspaces(NotionScenario scenario, Person[] people)
    {
        var open = new Dictionary<string, (string Id, int Capacity, List<int> Members)>();
        var next = 0;
        foreach (var person in people.OrderBy(p => p.SignupAt).ThenBy(p => p.Index))
        {
            if (person.Segment.TeamSize <= 1)
            {
                person.WorkspaceId = "ws" + (++next).ToString("D6", CultureInfo.InvariantCulture);
                person.Teammates = [];
                continue;
            }
            if (!open.TryGetValue(person.Segment.Name, out var workspace) || workspace.Members.Count >= workspace.Capacity)
            {
                var random = DeterministicRandom.For(scenario.Seed, person.Index, salt: 2);
                workspace = ("ws" + (++next).ToString("D6", CultureInfo.InvariantCulture), Math.Max(2, random.Poisson(person.Segment.TeamSize)), []);
                open[person.Segment.Name] = workspace;
            }
            person.WorkspaceId = workspace.Id;
            person.Teammates = workspace.Members;
            workspace.Members.Add(person.Index);
        }
    }

    private static int VisitorCount(NotionScenario scenario) => (int)Math.Round(scenario.Users * scenario.VisitorsPerSignup);

    private static IEnumerable<EventRecord> VisitorEvents(NotionScenario scenario)
    {
        var start = DayStart(scenario.From);
        var span = DayStart(scenario.To.AddDays(1)) - start - Hour;
        for (var v = 0; v < VisitorCount(scenario); v++)
        {
            var random = DeterministicRandom.For(scenario.Seed, v, salt: 3);
            var anonymousId = "v" + (v + 1).ToString("D6", CultureInfo.InvariantCulture);
            var at = start + (long)(random.NextDouble() * span);
            var views = 1 + random.Poisson(0.7);
            for (var k = 0; k < views; k++)
            {
                yield return new EventRecord($"{anonymousId}-{k}", null, anonymousId, "page_view", new Timestamp(at),
                    "web", null, null, null, $"{{\"path\":\"{LandingPaths[random.Next(LandingPaths.Length)]}\"}}", "synthetic");
                at += (long)random.Exponential(2 * Minute) + 1;
            }
        }
    }

    private static Dictionary<string, IReadOnlyDictionary<string, double>> ExperimentTruth(NotionScenario scenario, UserOutcome[] results)
    {
        var truth = new Dictionary<string, IReadOnlyDictionary<string, double>>();
        foreach (var experiment in scenario.Experiments)
        {
            var arms = results.SelectMany(r => r.Assignments.Where(a => a.Experiment == experiment.Name).Select(a => (a.Variant, r.Activated)))
                .GroupBy(x => x.Variant)
                .ToDictionary(g => g.Key, g => g.Average(x => x.Activated ? 1.0 : 0.0));
            truth[experiment.Name] = arms;
        }
        return truth;
    }

    internal static readonly string[] Countries = ["US", "US", "US", "GB", "DE", "FR", "IN", "BR", "JP", "CA", "AU", "NL", "ES"];

    internal static readonly string[] LandingPaths = ["/", "/pricing", "/templates", "/blog", "/product/wikis", "/product/projects", "/enterprise"];

    /// <summary>One user's dealt attributes, fixed before events are simulated.</summary>
    internal sealed class Person
    {
        public int Index { get; init; }

        public required string UserId { get; init; }

        public long SignupAt { get; init; }

        public required ScenarioGroup Segment { get; init; }

        public required ScenarioGroup Channel { get; init; }

        public required ScenarioGroup Platform { get; init; }

        public required string Country { get; init; }

        public int CompanySize { get; init; }

        public string WorkspaceId { get; set; } = "";

        /// <summary>Indexes of the workspace's members (shared list; members who join later are included).</summary>
        public List<int> Teammates { get; set; } = [];
    }

    /// <summary>What simulating one user produced.</summary>
    internal sealed record UserOutcome(
        List<EventRecord> Events, bool Activated, bool FastActivator, Subscription? Subscription, string Plan, List<Assignment> Assignments,
        List<FeatureEffectOutcome> Adoptions);

    /// <summary>One adopter's true effect of a feature: with it minus without it.</summary>
    internal sealed class FeatureEffectOutcome(string feature)
    {
        public string Feature { get; } = feature;

        public double SurvivalDifference { get; set; }

        public double PaidDifference { get; set; }
    }
}
