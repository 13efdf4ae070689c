using Sextant.Analysis;

namespace Sextant.Engine.Sql;

/// <summary>
/// A cohort filter in SQL, as CohortMembership evaluates it in memory: behaviour conditions count
/// each user's events of the named event in the condition's window (from the sign-up, or the
/// analysis range or its last W), combined with and/or. Profile-property conditions are not
/// pushed down yet.
/// </summary>
internal static class CohortSql
{
    /// <summary>Fails as the in-memory evaluation does, or says the definition is not pushed down.</summary>
    /// <exception cref="NotSupportedException">The definition has a profile-property condition.</exception>
    /// <exception cref="SextantException">An empty and/or, a count below 1 or an event never stored.</exception>
    public static void Validate(SqlSession session, CohortDefinition definition)
    {
        switch (definition)
        {
            case PerformedEvent performed:
                session.RequireEvent(performed.Event, "event", "cohort");
                if (performed.MinTimes < 1) throw new SextantException($"cohort condition on '{performed.Event}': at least must be 1 or more, got {performed.MinTimes}");
                break;
            case AllOf or AnyOf:
                var (conditions, all) = definition is AllOf allOf ? (allOf.Conditions, true) : (((AnyOf)definition).Conditions, false);
                if (conditions.Count == 0) throw new SextantException($"a cohort's {(all ? "all" : "any")} needs at least one condition");
                foreach (var condition in conditions) Validate(session, condition);
                break;
            case SignedUpBetween:
                throw new NotSupportedException("cohort filters on sign-up days are not pushed down yet");
            default:
                throw new NotSupportedException("cohort filters on profile properties are not pushed down yet");
        }
    }

    /// <summary>
    /// (uid) of every signed-up user in the cohort. Adds its relations to <paramref name="relations"/>,
    /// which must hold <c>user_events</c>.
    /// </summary>
    /// <param name="sql">The dialect.</param>
    /// <param name="relations">The statement's relations.</param>
    /// <param name="definition">A validated definition.</param>
    /// <param name="range">The analysis range.</param>
    /// <param name="latestEvent">The latest stored event (visitors' included), or null when none is stored.</param>
    public static string Members(SqlText sql, SqlRelations relations, CohortDefinition definition, TimeRange range, long? latestEvent)
    {
        var conditions = new List<PerformedEvent>();
        var where = Condition(sql, definition, conditions, range, latestEvent);
        var clickHouse = sql.Dialect == Storage.Warehouse.SqlDialect.ClickHouse;
        relations.Add("cohort_signups", $"SELECT uid, cohort_at AS cohort_signup_at, 1 AS has_signup FROM ({RetentionSql.Signups(sql, relations)}) AS signups");
        var counts = string.Join(", ", conditions.Select((condition, i) => $"{sql.Int64($"sum(CASE WHEN {Window(sql, condition, range, latestEvent)} THEN 1 ELSE 0 END)")} AS cohort_count_{i}"));
        var join = clickHouse
            ? $"ALL LEFT JOIN {relations.Ref("cohort_signups")} USING uid"
            : $"LEFT JOIN {relations.Ref("cohort_signups", "s")} ON s.uid = e.uid";
        var eventsAlias = clickHouse ? relations.Ref("user_events") : relations.Ref("user_events", "e");
        var uid = clickHouse ? "uid" : "e.uid";
        relations.Add("cohort_counts", $"SELECT {uid} AS uid, {counts} FROM {eventsAlias} {join} GROUP BY {uid}");
        var everyone = relations.Add("cohort_users", IdentitySql.Users(sql));
        return clickHouse
            ? $"SELECT uid FROM {everyone} ALL LEFT JOIN {relations.Ref("cohort_counts")} USING uid WHERE {where}"
            : $"SELECT u.uid AS uid FROM {relations.Ref("cohort_users", "u")} LEFT JOIN {relations.Ref("cohort_counts", "c")} ON c.uid = u.uid WHERE {where}";
    }

    /// <summary>The boolean over the users' counts, numbering each behaviour condition.</summary>
    private static string Condition(SqlText sql, CohortDefinition definition, List<PerformedEvent> conditions, TimeRange range, long? latestEvent)
    {
        switch (definition)
        {
            case PerformedEvent performed:
                conditions.Add(performed);
                var count = sql.Dialect == Storage.Warehouse.SqlDialect.ClickHouse ? $"cohort_count_{conditions.Count - 1}" : $"coalesce(cohort_count_{conditions.Count - 1}, 0)";
                return performed.Did ? $"{count} >= {performed.MinTimes}" : $"{count} < {performed.MinTimes}";
            case AllOf all:
                return "(" + string.Join(" AND ", all.Conditions.Select(c => Condition(sql, c, conditions, range, latestEvent))) + ")";
            default:
                return "(" + string.Join(" OR ", ((AnyOf)definition).Conditions.Select(c => Condition(sql, c, conditions, range, latestEvent))) + ")";
        }
    }

    /// <summary>Whether an event counts for the condition: its name, and [from, to) as CohortMembership.Window gives it.</summary>
    private static string Window(SqlText sql, PerformedEvent condition, TimeRange range, long? latestEvent)
    {
        var within = condition.Within is { } w ? w.Ticks / 10 : (long?)null;
        var named = $"event = {sql.Literal(condition.Event)}";
        if (condition.Anchor == CohortAnchor.Signup)
        {
            // Every user with an event has a sign-up (the profile's, else the first event); has_signup keeps the
            // window empty should one not (ClickHouse's left join fills a missing row with zeros, not NULLs).
            var end = within is { } length ? $" AND ts < cohort_signup_at + {SqlText.Literal(length)}" : "";
            return $"{named} AND has_signup = 1 AND ts >= cohort_signup_at{end}";
        }
        var to = range.To is { } t ? t.UnixMicroseconds : latestEvent is { } latest ? latest + 1 : long.MaxValue;
        var from = within is { } span ? Math.Max(range.FromMicros, to - span) : range.FromMicros;
        return $"{named} AND ts >= {SqlText.Literal(from)} AND ts < {SqlText.Literal(to)}";
    }
}
