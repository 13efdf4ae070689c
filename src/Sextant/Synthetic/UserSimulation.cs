using System.Globalization;
using Sextant.Events;

namespace Sextant.Synthetic;

/// <summary>Simulates one user's life in the notion scenario, from first visit to churn.</summary>
internal sealed class UserSimulation
{
    private const long Minute = Timestamp.MicrosPerMinute;
    private const long Hour = Timestamp.MicrosPerHour;
    private const long Day = Timestamp.MicrosPerDay;
    private const int ActivationWindowDays = 7;
    private const int EngagedDays = 4;

    private static readonly string[] Templates = ["meeting_notes", "roadmap", "wiki", "task_board", "reading_list", "lesson_plan", "okrs"];
    private static readonly string[] Integrations = ["slack", "github", "jira", "google_drive", "figma"];
    private static readonly string[] Endpoints = ["/v1/pages", "/v1/databases/query", "/v1/blocks", "/v1/search"];
    private static readonly string[] SignupMethods = ["email", "google", "apple", "sso"];

    private readonly NotionScenario _scenario;
    private readonly NotionGenerator.Person _person;
    private readonly NotionGenerator.Person[] _people;
    private readonly DeterministicRandom _random;
    private readonly List<EventRecord> _events = [];
    private readonly long _dataEnd;
    private readonly double[] _featureWeights;
    private int _sequence;
    private int _session;
    private string _sessionId = "";
    private readonly List<NotionGenerator.FeatureEffectOutcome> _effects = [];
    private HashSet<string> _adopted = [];

    private UserSimulation(NotionScenario scenario, NotionGenerator.Person person, NotionGenerator.Person[] people)
    {
        _scenario = scenario;
        _person = person;
        _people = people;
        _random = DeterministicRandom.For(scenario.Seed, person.Index, salt: 4);
        _dataEnd = NotionGenerator.DayStart(scenario.To.AddDays(1)) - 1;
        _featureWeights = FeatureWeights(person);
    }

    /// <summary>Feature choice per event: collaboration only where there are teammates; API and integrations lean enterprise.</summary>
    private static double[] FeatureWeights(NotionGenerator.Person person)
    {
        var team = person.Segment.TeamSize > 1;
        var enterprise = person.Segment.Name == "enterprise";
        return
        [
            30, 20, 11, 8,
            team ? 7 : 1, team ? 5 : 1.5, 5, 4,
            team ? 1.5 : 0.2, enterprise ? 3 : 1.2, enterprise ? 5 : 0.4, 2,
        ];
    }

    public static NotionGenerator.UserOutcome Run(NotionScenario scenario, NotionGenerator.Person person, NotionGenerator.Person[] people) =>
        new UserSimulation(scenario, person, people).Simulate();

    private NotionGenerator.UserOutcome Simulate()
    {
        var signup = _person.SignupAt;
        var anonymousId = "a" + _person.UserId[1..];
        AnonymousVisits(anonymousId, signup);
        Emit("signup", signup, $"{{\"method\":\"{SignupMethods[_random.Next(SignupMethods.Length)]}\"}}", anonymousId: anonymousId);

        var assignments = new List<Assignment>();
        double activationLift = 0, survivalOddsFactor = 1;
        foreach (var experiment in _scenario.Experiments)
        {
            var day = DateOnly.FromDayNumber((int)(signup / Day) + new DateOnly(1970, 1, 1).DayNumber);
            if (day < experiment.Start || day > experiment.End) continue;
            var treated = _random.Chance(0.5);
            var variant = treated ? "treatment" : "control";
            var exposedAt = signup + Minute;
            assignments.Add(new Assignment(experiment.Name, _person.UserId, variant, new Timestamp(exposedAt)));
            Emit("$experiment_started", exposedAt, $"{{\"experiment\":\"{experiment.Name}\",\"variant\":\"{variant}\"}}");
            if (!treated) continue;
            activationLift += experiment.ActivationLift;
            if (experiment.HarmedPlatform is null || experiment.HarmedPlatform == _person.Platform.Name)
                survivalOddsFactor *= 1 + experiment.SurvivalOddsChange;
        }

        var activationProbability = Math.Clamp(_person.Segment.Activation * _person.Channel.Activation + activationLift, 0, 0.98);
        var activated = _random.Chance(activationProbability);
        var fast = activated && _random.Chance(_scenario.FastActivatorShare);
        long activatedAt = 0;
        if (activated)
        {
            var delay = fast ? Math.Min(23 * Hour, (long)_random.Exponential(3 * Hour)) : Day + (long)(_random.NextDouble() * (ActivationWindowDays - 1) * Day);
            activatedAt = Math.Min(signup + Math.Max(Minute, delay), _dataEnd);
            var created = signup + (activatedAt - signup) * 3 / 5;
            Emit("create_page", Math.Max(signup + 1, created), "{\"source\":\"blank\"}");
            Emit("edit_page", activatedAt, $"{{\"words\":{20 + _random.Next(300)}}}");
        }
        else if (_random.Chance(0.45))
        {
            // Tried the product but never finished the activation criteria.
            Emit("create_page", signup + (long)_random.Exponential(2 * Hour) + 1, "{\"source\":\"blank\"}");
        }

        var adopted = activated ? AdoptFeatures(activatedAt) : [];
        _adopted = adopted;
        var months = SurvivedMonths(activated, fast, survivalOddsFactor, adopted);
        var intensity = _random.LogNormal(Math.Log(_scenario.MedianActiveDays), _scenario.IntensitySigma);
        // Users who did not activate stay away during their activation window, so the data agree with what was dealt.
        var activeMonths = Activity(months, intensity, activated ? activatedAt : signup + ActivationWindowDays * Day);

        var (subscription, plan) = activated ? MaybePay(activeMonths, months, adopted) : (null, "free");
        _events.Sort((a, b) => a.Timestamp.CompareTo(b.Timestamp));
        return new NotionGenerator.UserOutcome(_events, activated, fast, subscription, plan, assignments, _effects);
    }

    private void AnonymousVisits(string anonymousId, long signup)
    {
        var visits = 1 + _random.Poisson(0.8);
        // Visits fall in the three days before sign-up, but never before the scenario starts.
        var at = Math.Max(NotionGenerator.DayStart(_scenario.From), signup - (long)(_random.NextDouble() * 3 * Day) - visits * 10 * Minute);
        for (var i = 0; i < visits && at < signup; i++)
        {
            Emit("page_view", at, $"{{\"path\":\"{NotionGenerator.LandingPaths[_random.Next(NotionGenerator.LandingPaths.Length)]}\"}}", anonymousId: anonymousId, anonymousOnly: true);
            at += (long)_random.Exponential(4 * Minute) + Minute;
        }
    }

    /// <summary>Where the user's sign-up falls in the scenario's period: 0 for the first day, 1 for the last.</summary>
    private double CohortProgress =>
        (_person.SignupAt - NotionGenerator.DayStart(_scenario.From)) / (double)(NotionGenerator.DayStart(_scenario.To) - NotionGenerator.DayStart(_scenario.From));

    /// <summary>Early adoption of the features with planted effects: the feature's event within the first week.</summary>
    private HashSet<string> AdoptFeatures(long activatedAt)
    {
        var adopted = new HashSet<string>(StringComparer.Ordinal);
        foreach (var effect in _scenario.FeatureEffects)
        {
            if (!_random.Chance(effect.AdoptionBySegment.GetValueOrDefault(_person.Segment.Name))) continue;
            adopted.Add(effect.Feature);
            var at = Math.Min(_person.SignupAt + ActivationWindowDays * Day - Minute, activatedAt + (long)_random.Exponential(Day) + Minute);
            Emit(effect.Feature, Math.Min(at, _dataEnd), "{}");
        }
        return adopted;
    }

    /// <summary>Months survived after the sign-up month (a geometric draw with user-level heterogeneity).</summary>
    private int SurvivedMonths(bool activated, bool fast, double experimentOddsFactor, HashSet<string> adopted)
    {
        double survival;
        if (activated)
        {
            var theta = _random.Beta(_scenario.SurvivalAlpha, _scenario.SurvivalBeta);
            var odds = theta / (1 - theta) * _person.Segment.Retention * (fast ? _scenario.FastActivatorRetention : 1)
                * (1 + _scenario.CohortImprovement * CohortProgress) * experimentOddsFactor;
            var adoptionFactor = 1.0;
            foreach (var effect in _scenario.FeatureEffects) if (adopted.Contains(effect.Feature)) adoptionFactor *= effect.SurvivalOddsFactor;
            survival = Probability(odds * adoptionFactor);
            // The truth of each effect: survival with the feature minus survival without it, for this adopter.
            foreach (var effect in _scenario.FeatureEffects)
                if (adopted.Contains(effect.Feature))
                    Effect(effect.Feature).SurvivalDifference = survival - Probability(odds * adoptionFactor / effect.SurvivalOddsFactor);
        }
        else
        {
            survival = Math.Min(0.95, _scenario.NotActivatedMonthlySurvival * (1 + _scenario.CohortImprovement * CohortProgress) * experimentOddsFactor);
        }
        var months = 0;
        while (months < 48 && _random.Chance(survival)) months++;
        return months;
    }

    /// <summary>Sessions in the sign-up month and each surviving month; returns the months with activity.</summary>
    private List<(long Start, long End)> Activity(int survivedMonths, double intensity, long firstActive)
    {
        var active = new List<(long, long)>();
        var signupDate = DateOnly.FromDayNumber((int)(_person.SignupAt / Day) + new DateOnly(1970, 1, 1).DayNumber);
        var monthStart = new DateOnly(signupDate.Year, signupDate.Month, 1);
        for (var k = 0; k <= survivedMonths; k++)
        {
            var month = monthStart.AddMonths(k);
            var start = k == 0 ? firstActive + Minute : NotionGenerator.DayStart(month);
            var end = Math.Min(NotionGenerator.DayStart(month.AddMonths(1)) - 1, _dataEnd);
            if (start >= end) break;
            if (k > 0 && !_random.Chance(_scenario.ActiveMonthProbability)) continue;
            var firstDay = (int)(start / Day);
            var lastDay = (int)(end / Day);
            var availableDays = lastDay - firstDay + 1;
            var days = Math.Clamp(_random.Poisson(intensity), k == 0 ? 0 : 1, availableDays);
            if (days == 0) continue;
            active.Add((start, end));
            foreach (var day in PickDays(firstDay, availableDays, days))
            {
                var sessionStart = Math.Max(start, day * Day + (long)(Math.Clamp(11 + 3 * _random.Normal(), 0, 23.5) * Hour));
                if (sessionStart > end) continue;
                Session(sessionStart, end);
            }
        }
        return active;
    }

    private IEnumerable<long> PickDays(int firstDay, int available, int count)
    {
        var chosen = new SortedSet<int>();
        while (chosen.Count < count) chosen.Add(_random.Next(available));
        return chosen.Select(offset => (long)(firstDay + offset));
    }

    private void Session(long at, long limit)
    {
        _session++;
        _sessionId = _person.UserId + "-s" + _session.ToString(CultureInfo.InvariantCulture);
        var count = 1 + _random.Poisson(_scenario.EventsPerSession - 1);
        for (var i = 0; i < count && at <= limit; i++)
        {
            var (name, properties) = NextFeature();
            if (at - _person.SignupAt < ActivationWindowDays * Day && !_adopted.Contains(name) && _scenario.FeatureEffects.Any(e => e.Feature == name))
            {
                // Early use of an effect feature is what defines its adopters; others meet it only later.
                (name, properties) = ("edit_page", "{\"words\":40}");
            }
            Emit(name, at, properties);
            at += (long)_random.Exponential(3 * Minute) + 1_000_000;
        }
    }

    /// <summary>The next event of a session: a feature and its properties.</summary>
    private (string Name, string Properties) NextFeature()
    {
        switch (_random.Pick(_featureWeights))
        {
            case 0: return ("edit_page", $"{{\"words\":{5 + _random.Next(400)}}}");
            case 1: return ("view_page", "{}");
            case 2: return ("create_page", "{\"source\":\"blank\"}");
            case 3: return ("search", $"{{\"query_length\":{2 + _random.Next(30)}}}");
            case 4: return ("comment", $"{{\"page_owner\":\"{Teammate()}\"}}");
            case 5: return ("share_page", $"{{\"shared_with\":\"{Teammate()}\"}}");
            case 6: return ("use_template", $"{{\"template\":\"{Templates[_random.Next(Templates.Length)]}\"}}");
            case 7: return ("create_database", "{}");
            case 8: return ("invite_member", $"{{\"invitee\":\"{Teammate()}\"}}");
            case 9: return ("connect_integration", $"{{\"integration\":\"{Integrations[_random.Next(Integrations.Length)]}\"}}");
            case 10: return ("api_call", $"{{\"endpoint\":\"{Endpoints[_random.Next(Endpoints.Length)]}\"}}");
            default: return ("export_page", "{\"format\":\"pdf\"}");
        }
    }

    private string Teammate()
    {
        var mates = _person.Teammates;
        if (mates.Count <= 1) return "external";
        var other = mates[_random.Next(mates.Count)];
        return other == _person.Index ? "external" : _people[other].UserId;
    }

    /// <summary>An activated user may upgrade in one of their active months; the subscription ends when they churn.</summary>
    private static double Probability(double odds) => odds / (1 + odds);

    private static double Odds(double probability) => probability / (1 - probability);

    private NotionGenerator.FeatureEffectOutcome Effect(string feature)
    {
        var found = _effects.Find(e => e.Feature == feature);
        if (found is not null) return found;
        found = new NotionGenerator.FeatureEffectOutcome(feature);
        _effects.Add(found);
        return found;
    }

    private (Subscription?, string) MaybePay(List<(long Start, long End)> activeMonths, int survivedMonths, HashSet<string> adopted)
    {
        // Users who came back often in their first month are the ones who pay.
        var signup = _person.SignupAt;
        var earlyDays = _events.Where(e => e.Timestamp.UnixMicroseconds - signup < 30 * Day).Select(e => e.Timestamp.UnixMicroseconds / Day).Distinct().Count();
        var engagement = earlyDays >= EngagedDays ? _scenario.EngagedPaidFactor : _scenario.UnengagedPaidFactor;
        var baseline = Math.Min(0.95, _person.Segment.Paid * _person.Channel.Paid * engagement);
        var adoptionFactor = 1.0;
        foreach (var effect in _scenario.FeatureEffects) if (adopted.Contains(effect.Feature)) adoptionFactor *= effect.PaidOddsFactor;
        var probability = Probability(Odds(baseline) * adoptionFactor);
        foreach (var effect in _scenario.FeatureEffects)
            if (adopted.Contains(effect.Feature))
                Effect(effect.Feature).PaidDifference = probability - Probability(Odds(baseline) * adoptionFactor / effect.PaidOddsFactor);
        if (activeMonths.Count == 0 || !_random.Chance(probability)) return (null, "free");
        // The upgrade falls in one of the first four months the user is active, counting the
        // months they survive past the end of the data: drawing only among the months seen would
        // crowd the upgrades of recent sign-ups into the last months and make revenue jump there.
        var signupDate = DateOnly.FromDayNumber((int)(signup / Day) + new DateOnly(1970, 1, 1).DayNumber);
        var seenMonths = (_scenario.To.Year - signupDate.Year) * 12 + _scenario.To.Month - signupDate.Month + 1;
        var candidates = activeMonths.Count + Math.Max(0, survivedMonths + 1 - seenMonths);
        var month = _random.Next(Math.Min(candidates, 4));
        if (month >= activeMonths.Count) return (null, "free");
        var (start, end) = activeMonths[month];
        var at = start + (long)(_random.NextDouble() * Math.Max(1, end - start));
        var plan = _person.Segment.Name switch
        {
            "enterprise" => _random.Chance(0.6) ? "enterprise" : "business",
            "small_team" => _random.Chance(0.5) ? "business" : "plus",
            "education" => _random.Chance(0.3) ? "business" : "plus",
            _ => "plus",
        };
        // A team user buys seats for part of their team (an eighth of the team size on average, plus themselves).
        var seats = _person.Segment.TeamSize <= 1 ? 1 : 1 + _random.Poisson(_person.Segment.TeamSize / 8.0);
        var mrr = _scenario.PlanPrices[plan] * seats;
        Emit("upgrade", at, $"{{\"from\":\"free\",\"to\":\"{plan}\",\"seats\":{seats}}}", revenue: mrr);
        // The subscription ends when the user churns: at the end of their last surviving month,
        // whether or not they were active in it. Ending it at their last active month instead
        // left everyone last active in the final two months paying, so the last month's revenue jumped.
        var churnedAt = NotionGenerator.DayStart(new DateOnly(signupDate.Year, signupDate.Month, 1).AddMonths(survivedMonths + 1)) - 1;
        var cancelled = churnedAt < _dataEnd;
        var subscription = new Subscription("sub-" + _person.UserId, _person.UserId, plan, cancelled ? "cancelled" : "active",
            new Timestamp(at), cancelled ? new Timestamp(Math.Max(at, churnedAt)) : null, mrr, "USD");
        return (subscription, cancelled ? "free" : plan);
    }

    private void Emit(string name, long at, string properties, string? anonymousId = null, bool anonymousOnly = false, decimal? revenue = null)
    {
        var id = _person.UserId + "-" + (++_sequence).ToString(CultureInfo.InvariantCulture);
        var sessionId = anonymousOnly ? null : _sessionId.Length == 0 ? _person.UserId + "-s0" : _sessionId;
        _events.Add(new EventRecord(id, anonymousOnly ? null : _person.UserId, anonymousId, name, new Timestamp(at),
            _person.Platform.Name, sessionId, anonymousOnly ? null : _person.WorkspaceId, revenue, properties, "synthetic"));
    }
}
