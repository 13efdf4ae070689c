using Sextant.Analysis;
using Sextant.Events;
using Sextant.Storage.Warehouse;

namespace Sextant.Engine.Sql;

/// <summary>
/// Breakdowns by profile columns, shared by every pushed-down analysis: which ones SQL reads as
/// memory does, each user's group values, and the group of a result row.
/// </summary>
internal static class BreakdownSql
{
    /// <summary>
    /// Throws unless every breakdown is a profile column no profile's traits name (in memory such a
    /// trait replaces the column). <paramref name="analysis"/> names the analysis in the reason.
    /// </summary>
    /// <exception cref="NotSupportedException">A breakdown by a trait, an event property or a cohort, or by a column a trait names.</exception>
    public static void RequireProfileColumns(SqlSession session, IReadOnlyList<Breakdown> breakdowns, string analysis)
    {
        if (!breakdowns.All(IsProfileColumn))
            throw new NotSupportedException($"{analysis} breakdowns by a trait, an event property or a cohort are not pushed down yet");
        RequireNoTraitNamed(session, breakdowns, analysis);
    }

    /// <summary>Throws when some profile's traits name a breakdown (in memory the trait replaces the profile column).</summary>
    /// <exception cref="NotSupportedException">A trait names a breakdown.</exception>
    public static void RequireNoTraitNamed(SqlSession session, IReadOnlyList<Breakdown> breakdowns, string analysis)
    {
        foreach (var breakdown in breakdowns)
            if (session.TraitNames(breakdown.Name))
                throw new NotSupportedException($"a profile's traits name '{breakdown.Name}', which replaces the profile column in memory: {analysis} breakdowns by it are not pushed down");
    }

    /// <summary>Whether a breakdown is one of the profile columns every store has.</summary>
    public static bool IsProfileColumn(Breakdown breakdown) =>
        breakdown.Source == BreakdownSource.Profile && ProfileColumns.FixedColumns.Contains(breakdown.Name, StringComparer.Ordinal);

    /// <summary>", coalesce(profiles.plan, '(none)') AS g0" and so on: each breakdown's value, its column named by <paramref name="column"/>.</summary>
    public static string ProfileValues(SqlText sql, IReadOnlyList<Breakdown> breakdowns, Func<int, string> column) => string.Concat(breakdowns.Select((_, i) =>
        $", {(sql.Dialect == SqlDialect.ClickHouse ? "ifNull" : "coalesce")}({column(i)}, {sql.Literal(Breakdowns.NoValue)}) AS g{i}"));

    /// <summary>(uid, g0, …): each of <paramref name="everyUser"/>'s profile value per breakdown (profile columns only), (none) without one.</summary>
    public static string UserGroups(SqlText sql, IReadOnlyList<Breakdown> breakdowns, string everyUser) => sql.Dialect == SqlDialect.ClickHouse
        ? $"""
          SELECT uid{ProfileValues(sql, breakdowns, i => $"profile_{i}")}
          FROM {everyUser}
          ANY LEFT JOIN (SELECT assumeNotNull(user_id) AS uid{string.Concat(breakdowns.Select((b, i) => $", {b.Name} AS profile_{i}"))} FROM sextant_users_current) AS profiles USING uid
          """
        : $"""
          SELECT every_user.uid AS uid{ProfileValues(sql, breakdowns, i => "profiles." + breakdowns[i].Name)}
          FROM (SELECT uid FROM {everyUser}) AS every_user
          LEFT JOIN sextant_users_current AS profiles ON profiles.user_id = every_user.uid
          """;

    /// <summary>
    /// The group values of a result row, in columns <paramref name="first"/> on, and a key naming the
    /// group: values never hold a control character in the text forms Sextant ingests, so \u0001
    /// separates them.
    /// </summary>
    public static (string Key, string[] Values) GroupOf(IWarehouseRow row, int first, int count)
    {
        var values = new string[count];
        for (var i = 0; i < count; i++) values[i] = row.GetString(first + i);
        return (string.Join('\u0001', values), values);
    }
}
