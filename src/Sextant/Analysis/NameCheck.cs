using System.Globalization;

namespace Sextant.Analysis;

/// <summary>
/// Checks event, event-property and profile-attribute names against the store, so a typo is an
/// error naming the closest existing names instead of a silent 0:
/// <c>unknown event 'create_pag' (did you mean 'create_page'?)</c>.
/// </summary>
public static class NameCheck
{
    /// <summary>Built-in event columns, always known even when no event carries a value.</summary>
    public static readonly IReadOnlyList<string> BuiltInProperties = ["platform", "session_id", "workspace_id", "revenue", "source", "event_id"];

    private const int MaxSuggestions = 3;
    private const int MaxListed = 10;

    /// <summary>Throws when no stored event has the name.</summary>
    /// <param name="table">The store's events.</param>
    /// <param name="name">The event name to check.</param>
    /// <param name="where">Where the name came from (e.g. <c>--exclude</c>), or null.</param>
    /// <exception cref="SextantException">No event of that name was stored.</exception>
    public static void Event(IStoredNames table, string name, string? where = null)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(name);
        if (!table.HasEvent(name)) throw new SextantException(Unknown("event", name, where, table.EventNames));
    }

    /// <summary>Throws when no stored event has one of the names, naming the first such name.</summary>
    /// <exception cref="SextantException">A name was never stored.</exception>
    public static void Events(IStoredNames table, IEnumerable<string>? names, string? where = null)
    {
        foreach (var name in names ?? []) Event(table, name, where);
    }

    /// <summary>Throws when the users' profiles have no attribute of the name.</summary>
    /// <exception cref="SextantException">No profile attribute of that name.</exception>
    public static void Attribute(IStoredNames table, string name, string? where = null)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(name);
        if (!table.HasAttribute(name)) throw new SextantException(Unknown("profile attribute", name, where, table.AttributeNames));
    }

    /// <summary>
    /// Throws when the name is neither a built-in event column nor a property that at least one
    /// stored event carries.
    /// </summary>
    /// <exception cref="SextantException">No event carries the property.</exception>
    public static void Property(IStoredNames table, string name, string? where = null)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(name);
        if (table.HasNoEvents || IsKnownProperty(table, name)) return;
        throw new SextantException(Unknown("event property", name, where, BuiltInProperties));
    }

    /// <summary>A built-in event column, or a property at least one stored event carries.</summary>
    private static bool IsKnownProperty(IStoredNames table, string name) =>
        BuiltInProperties.Contains(name) || table.HasProperty(name);

    /// <summary>The names no stored event has, in the order given, each once.</summary>
    public static IReadOnlyList<string> MissingEvents(IStoredNames table, IEnumerable<string>? names)
    {
        ArgumentNullException.ThrowIfNull(table);
        return (names ?? []).Where(n => !table.HasEvent(n)).Distinct(StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// One warning line for names of a sextant.yaml key that the store does not contain, or null
    /// when every name is stored.
    /// </summary>
    /// <param name="table">The store's events.</param>
    /// <param name="key">The configuration key, e.g. <c>activation.events</c>.</param>
    /// <param name="names">The names the key lists.</param>
    public static string? ConfigWarning(IStoredNames table, string key, IEnumerable<string>? names)
    {
        var missing = MissingEvents(table, names);
        if (missing.Count == 0) return null;
        var each = missing.Select(n => $"'{n}'{Hint(n, table.EventNames)}");
        return $"{key} names {(missing.Count == 1 ? "an event" : "events")} not in the store: {string.Join(", ", each)}; figures that depend on {(missing.Count == 1 ? "it" : "them")} count 0";
    }

    /// <summary>One warning per sextant.yaml key whose events the store does not contain (none for an empty store).</summary>
    /// <param name="table">The store's events.</param>
    /// <param name="keys">Each key, e.g. <c>activity.exclude_events</c>, with the names it lists.</param>
    public static IReadOnlyList<string> ConfigWarnings(IStoredNames table, params (string Key, IEnumerable<string>? Names)[] keys)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(keys);
        if (table.HasNoEvents) return [];
        return keys.Select(k => ConfigWarning(table, k.Key, k.Names)).OfType<string>().ToList();
    }

    /// <summary>
    /// Warnings for a funnel named in sextant.yaml whose step or excluded events, or step filter
    /// properties, the store does not contain: such a step counts 0 users, with the warning.
    /// </summary>
    /// <param name="table">The store's events.</param>
    /// <param name="query">The funnel as read from sextant.yaml.</param>
    /// <param name="key">The configuration key, e.g. <c>funnels.onboarding</c>.</param>
    public static IReadOnlyList<string> FunnelWarnings(IStoredNames table, Funnels.FunnelQuery query, string key)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(query);
        if (table.HasNoEvents) return [];
        var properties = query.Steps.SelectMany(s => s.Filters).Select(f => f.Property).Distinct(StringComparer.Ordinal)
            .Where(p => !IsKnownProperty(table, p)).ToList();
        return new[]
        {
            ConfigWarning(table, $"{key}.steps", query.Steps.SelectMany(s => s.Events)),
            ConfigWarning(table, $"{key}.exclude", query.Exclude),
            properties.Count == 0 ? null : $"{key}.steps filter on {(properties.Count == 1 ? "a property" : "properties")} no stored event carries: {string.Join(", ", properties.Select(p => $"'{p}'"))}; the filtered steps count 0",
        }.OfType<string>().ToList();
    }

    /// <summary>
    /// Warnings for an experiment's metrics and guardrails from sextant.yaml whose events the
    /// store does not contain: such a metric measures 0 in every arm, with the warning.
    /// </summary>
    /// <param name="table">The store's events.</param>
    /// <param name="query">The experiment as read from sextant.yaml.</param>
    public static IReadOnlyList<string> ExperimentWarnings(IStoredNames table, Experiments.ExperimentQuery query)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(query);
        if (table.HasNoEvents) return [];
        static IEnumerable<string> EventsOf(Experiments.MetricSpec spec) => new[] { spec.Event, spec.Denominator }.OfType<string>();
        var key = $"experiments.{query.Name}";
        return new[]
        {
            ConfigWarning(table, $"{key}.metrics", query.Metrics.SelectMany(EventsOf)),
            ConfigWarning(table, $"{key}.guardrails", query.Guardrails.SelectMany(g => EventsOf(g.Metric))),
        }.OfType<string>().ToList();
    }

    /// <summary>
    /// Warnings for activation.events and north_star.collaboration_events when they are not set,
    /// and for every sextant.yaml key whose events the store does not contain:
    /// activity.exclude_events, activation.events, north_star.collaboration_events, features and
    /// milestones.monetization_events.
    /// </summary>
    public static IReadOnlyList<string> ConfigWarnings(IStoredNames table, Configuration.SextantConfig config)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(config);
        if (table.HasNoEvents) return [];
        return new[]
        {
            config.Activation.Events.Count == 0 ? "activation.events is not set: activation is not measured (set the events that activate a user in sextant.yaml)" : null,
            config.NorthStar.CollaborationEvents.Count == 0 ? "north_star.collaboration_events is not set: the North Star counts no workspace (set the collaboration events in sextant.yaml)" : null,
            ConfigWarning(table, "activity.exclude_events", config.Activity.ExcludeEvents),
            ConfigWarning(table, "activation.events", config.Activation.Events),
            ConfigWarning(table, "north_star.collaboration_events", config.NorthStar.CollaborationEvents),
            ConfigWarning(table, "features", config.Features),
            ConfigWarning(table, "milestones.monetization_events", config.Milestones.MonetizationEvents),
        }.OfType<string>().ToList();
    }

    /// <summary>
    /// The message for an unknown name: what it is, where it came from and the closest existing
    /// names by edit distance (or a few existing names when none is close).
    /// </summary>
    public static string Unknown(string kind, string name, string? where, IEnumerable<string> known)
    {
        ArgumentNullException.ThrowIfNull(known);
        var place = where is null ? "" : $" in {where}";
        return $"unknown {kind} '{name}'{place}{Hint(name, known)}";
    }

    /// <summary>" (did you mean 'a' or 'b'?)", or " (known: a, b, …)" when nothing is close, or "" when nothing is known.</summary>
    private static string Hint(string name, IEnumerable<string> known)
    {
        var names = known.Distinct(StringComparer.Ordinal).ToList();
        if (names.Count == 0) return " (there are none)";
        var close = Closest(name, names);
        if (close.Count > 0) return $" (did you mean {string.Join(" or ", close.Select(n => $"'{n}'"))}?)";
        var listed = names.Order(StringComparer.Ordinal).Take(MaxListed).ToList();
        var more = names.Count > listed.Count ? $", … {names.Count.ToString(CultureInfo.InvariantCulture)} in all" : "";
        return $" (known: {string.Join(", ", listed)}{more})";
    }

    /// <summary>
    /// Names within an edit distance of a third of the longer name (at least 2), or containing the
    /// name when it has 3 characters or more (<c>edit</c> → <c>edit_page</c>), nearest first.
    /// </summary>
    internal static IReadOnlyList<string> Closest(string name, IReadOnlyList<string> names) =>
        names.Select(n => (Name: n, Distance: Distance(name.ToLowerInvariant(), n.ToLowerInvariant())))
            .Where(p => p.Distance <= Math.Max(2, Math.Max(name.Length, p.Name.Length) / 3)
                || (name.Length >= 3 && p.Name.Contains(name, StringComparison.OrdinalIgnoreCase)))
            .OrderBy(p => p.Distance).ThenBy(p => p.Name, StringComparer.Ordinal)
            .Take(MaxSuggestions).Select(p => p.Name).ToList();

    /// <summary>Levenshtein distance (insertions, deletions and substitutions each cost 1).</summary>
    internal static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++) previous[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            (previous, current) = (current, previous);
        }
        return previous[b.Length];
    }
}
