using System.Globalization;
using Sextant.Analysis;
using Sextant.Analysis.Funnels;
using Sextant.Events;
using Sextant.Storage.Warehouse;

namespace Sextant.Engine.Sql;

/// <summary>
/// What a funnel's rows are in SQL: the step an event satisfies (names and filters), the
/// properties read as the in-memory table reads them, and which filters and breakdowns can be read
/// in each dialect.
/// </summary>
internal static partial class FunnelSql
{
    /// <summary>Built-in event columns a step filter reads in SQL: their stored text is what the in-memory table reads.</summary>
    internal static readonly string[] FilterColumns = ["platform", "session_id", "workspace_id"];

    /// <summary>
    /// Why the funnel's step filters cannot be read in SQL, or null when they can: built-in columns of
    /// <see cref="FilterColumns"/>, and keys of the properties object on PostgreSQL and DuckDB.
    /// </summary>
    internal static string? FiltersNotPushedDown(SqlDialect dialect, FunnelQuery query)
    {
        foreach (var filter in query.Steps.SelectMany(step => step.Filters))
        {
            if (FilterColumns.Contains(filter.Property, StringComparer.Ordinal)) continue;
            if (NameCheck.BuiltInProperties.Contains(filter.Property))
                return $"funnel step filters on the event column '{filter.Property}' are not pushed down yet";
            if (dialect == SqlDialect.ClickHouse)
                return "funnel step filters on keys of the event properties are not pushed down to ClickHouse: version 18.16 has no JSON parser that reads a value as the in-memory engine does";
            if (dialect == SqlDialect.DuckDb && WrittenDifferently(filter.Value))
                return $"funnel step filters comparing with a number, object or array ('{filter.Property}={filter.Value}') are not pushed down to DuckDB: it reads such values back in its own notation";
            if (!IsPlainKey(filter.Property))
                return $"funnel step filters on the property '{filter.Property}' (a quote or backslash in its name) are not pushed down";
        }
        return null;
    }

    /// <summary>
    /// Whether a value may be a JSON number, object or array, which DuckDB's JSON reader writes back
    /// in its own notation (1.50 as 1.5). Any other text compares alike: a number or object read
    /// back differently still never equals it.
    /// </summary>
    private static bool WrittenDifferently(string value) =>
        value.Length > 0 && (char.IsAsciiDigit(value[0]) || value[0] is '-' or '{' or '[' or '.' or '+');

    /// <summary>
    /// A property's text, as <see cref="EventTable.Property"/> reads it, over the events table's
    /// columns: a built-in column, else the top-level key of the properties object (strings
    /// unescaped; numbers, objects and arrays as written; booleans as true/false; null as absent).
    /// PostgreSQL's json type keeps a value's text as written; DuckDB's json_extract_string reads
    /// numbers, objects and arrays in its own notation, so a filter comparing with one of those runs in memory there.
    /// </summary>
    private static string PropertyText(SqlText sql, string property)
    {
        if (FilterColumns.Contains(property, StringComparer.Ordinal)) return property;
        return sql.Dialect == SqlDialect.PostgreSql
            ? $"(CAST(properties AS json) ->> {sql.Literal(property)})"
            : $"json_extract_string(properties, {sql.Literal($"$.\"{property}\"")})";
    }

    /// <summary>
    /// The step an event row satisfies (0-based), −1 for none, over the events table's columns: one of
    /// the step's names and every filter (an absent value is never equal and always unequal, as in
    /// <see cref="StepFilter.Holds"/>). Steps share no event, so a row satisfies one step at most.
    /// </summary>
    internal static string StepOf(SqlText sql, FunnelQuery query)
    {
        string Filter(StepFilter filter) => sql.Dialect == SqlDialect.ClickHouse
            ? $"ifNull({PropertyText(sql, filter.Property)} {(filter.Equal ? "=" : "!=")} {sql.Literal(filter.Value)}, {(filter.Equal ? 0 : 1)})"
            : $"coalesce({PropertyText(sql, filter.Property)} {(filter.Equal ? "=" : "<>")} {sql.Literal(filter.Value)}, {(filter.Equal ? "FALSE" : "TRUE")})";
        var cases = query.Steps.Select((step, k) =>
            $"WHEN event IN ({sql.List(step.Events)}){string.Concat(step.Filters.Select(f => " AND " + Filter(f)))} THEN {k}");
        return $"CASE {string.Join(" ", cases)} ELSE -1 END";
    }

    /// <summary>
    /// (uid, ts, step) of every event named by a step, each entity's as the in-memory table resolves it;
    /// step −1 when a filter fails. With event-property breakdowns, also the row's seq and each value (e0, …).
    /// </summary>
    internal static string StepEvents(SqlText sql, FunnelQuery query)
    {
        var values = EventValues(sql, query);
        (string, string)[] carried = values.Length == 0 ? [(StepOf(sql, query), "step")] : [(StepOf(sql, query), "step"), ("seq", "seq"), .. values];
        return $"""
            SELECT uid, ts, step{(values.Length == 0 ? "" : ", seq" + EventValueNames(query))}
            FROM ({IdentitySql.Entities(sql, $"event IN ({sql.List(query.Steps.SelectMany(s => s.Events).Distinct(StringComparer.Ordinal))})", carried)}) AS entity_events
            """;
    }

    /// <summary>Each event-property breakdown's value as a column over the events table: (expression, e{i}).</summary>
    internal static (string Expression, string Name)[] EventValues(SqlText sql, FunnelQuery query) =>
        [.. query.Breakdowns.Select((b, i) => (b, i)).Where(x => x.b.Source == BreakdownSource.Event)
            .Select(x => (PropertyText(sql, x.b.Name), $"e{x.i.ToString(CultureInfo.InvariantCulture)}"))];

    /// <summary>", e0, e2": the event-property breakdowns' value columns.</summary>
    internal static string EventValueNames(FunnelQuery query) => string.Concat(query.Breakdowns.Select((b, i) => b.Source == BreakdownSource.Event ? $", e{i}" : ""));

    /// <summary>
    /// Whether a breakdown's values are read in SQL: a profile column (traits live in JSON text), or on
    /// PostgreSQL and DuckDB an event property a step filter could read (DuckDB's numbers are checked
    /// by the measurer).
    /// </summary>
    internal static bool PushesDown(SqlDialect dialect, Breakdown breakdown) => breakdown.Source switch
    {
        BreakdownSource.Profile => BreakdownSql.IsProfileColumn(breakdown),
        BreakdownSource.Event => dialect != SqlDialect.ClickHouse && ReadsProperty(breakdown.Name),
        _ => false,
    };

    /// <summary>Whether <see cref="PropertyText"/> reads the property as the in-memory table does (on PostgreSQL and DuckDB).</summary>
    private static bool ReadsProperty(string property) =>
        FilterColumns.Contains(property, StringComparer.Ordinal) || (!NameCheck.BuiltInProperties.Contains(property) && IsPlainKey(property));

    /// <summary>Whether a key of the properties object can be written into a JSON path as is: no quote or backslash in it.</summary>
    private static bool IsPlainKey(string property) =>
        !property.Contains('"', StringComparison.Ordinal) && !property.Contains('\\', StringComparison.Ordinal);
}
