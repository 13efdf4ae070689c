using Sextant.Analysis.Engagement;
using Sextant.Configuration;

namespace Sextant.Engine.Sql;

/// <summary>The engagement parts of <c>sextant metrics</c> as files, one per part, from EngagementSql's builders.</summary>
public static partial class SqlScripts
{
    private const string EarliestEvent = "(SELECT min(ts) FROM sextant_events)";

    /// <summary>What the engagement scripts compute: every event active, every non-system event a feature, the default collaboration events.</summary>
    internal static EngagementQuery Engagement { get; } = new(CollaborationEvents: [.. NorthStarConfig.DefaultCollaborationEvents]);

    private static IEnumerable<SqlScript> EngagementScripts(SqlText sql, string timeZone)
    {
        var window = new EngagementSqlWindow(EarliestEvent, LatestEvent, sql.Literal(timeZone));
        var query = Engagement;
        (string, string, string)[] common =
        [
            ("time zone", timeZone, "UTC"),
            ("window", "the earliest to the latest event", "the earliest to the latest event"),
        ];
        yield return Script("dau_wau_mau.sql", ActivityWhat, common, EngagementSql.Activity(sql, query, window));
        yield return Script("power_users.sql", PowerUsersWhat, common, EngagementSql.PowerUsers(sql, query, window));
        yield return Script("feature_adoption.sql", FeaturesWhat, common, EngagementSql.Features(sql, query, window, features: null, monthActives: true));
        yield return Script("north_star.sql", NorthStarWhat,
            [.. common, ("members", query.NorthStarMinMembers.ToString(System.Globalization.CultureInfo.InvariantCulture), "2"),
                ("events", string.Join(", ", query.CollaborationEvents), string.Join(", ", NorthStarConfig.DefaultCollaborationEvents))],
            EngagementSql.NorthStar(sql, query, window));

        SqlScript Script(string file, string what, (string, string, string)[] parameters, string statement) =>
            new(file, Header(sql.Dialect, file, what + "\n" + EngagementCommon, parameters) + statement + ";\n");
    }

    private const string EngagementCommon = """
        Only signed-up users count; an event is active unless activity.exclude_events lists it (none here).
        Days are numbered as days since 0001-01-01 in the time zone, weeks as Monday day number / 7, months as year * 12 + month - 1.
        """;

    private const string ActivityWhat = """
        Daily, weekly and monthly active users (SEMANTICS.md, Activity), as rows (part, name, a, b, n):
          dau                a = day, n = users active that day
          week / month       a = week / month, n = users active in it
          wau_in / wau_out   a = day, n = users whose run of 7-day coverage starts / ends that day
          mau_in / mau_out   the same for 30 days: WAU (MAU) on day d = sum of _in minus _out rows up to d
        """;

    private const string PowerUsersWhat = """
        Power users (SEMANTICS.md, Activity), as rows (part, name, a, b, n) over users active in the window:
          l7 / l30   a = active days among the final 7 / 30 complete days, n = users
          events     a = active events in the window, n = users
        Signed-up users without an active day in the window are not in the rows (0 days).
        """;

    private const string FeaturesWhat = """
        Feature adoption (SEMANTICS.md, Activation and adoption), as rows (part, name, grp, a, b, n):
          adopters         name = feature event, n = users who used it in the window
          monthly          name = feature, a = month, n = users who used it that month
          month_active     a = month, n = users active that month
          days             name = feature, a = rank, b = microseconds from sign-up to first use, n = adopters:
                           the ranks around the median and 90th percentile, position (n - 1) * q
          group            grp = segment ('(none)' without one), n = signed-up users
          group_adopters   name = feature, grp = segment, n = adopters
        Features are every event except sign-up, page and screen views and names starting with $.
        """;

    private const string NorthStarWhat = """
        The North Star (SEMANTICS.md, North Star), as rows (part, name, a, b, n):
          north_star   a = week, n = workspaces (profile workspace_id) with at least the minimum of active
                       members that week and a collaboration event by one of them
        Weeks without such a workspace have no row.
        """;
}
