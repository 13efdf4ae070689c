using Sextant.Analysis;
using Sextant.Events;
using Sextant.Storage.Warehouse;

namespace Sextant.Engine.Sql;

/// <summary>
/// What a pushed-down measurer needs of the warehouse: the dialect, the project time zone as an
/// SQL literal, reading rows, and the facts every analysis checks first (the latest event, that
/// a named event exists).
/// </summary>
internal sealed class SqlSession(IWarehouse warehouse, TimeZoneInfo zone)
{
    private readonly SqlText _plain = new(warehouse.Dialect);
    private SqlText? _sql;

    /// <summary>
    /// The dialect's expressions, local dates computed from the zone's offsets over the stored events'
    /// instants (read once, on first use: a later ingest only sends more instants to the database's function).
    /// </summary>
    public SqlText Sql => _sql ??= new SqlText(warehouse.Dialect, ZoneOffsetsOverEvents());

    public TimeZoneInfo Zone { get; } = zone;

    /// <summary>The zone's IANA name as a string literal: every dialect's time-zone functions take IANA names.</summary>
    public string ZoneLiteral => _plain.Literal(IanaName(Zone));

    public void Read(string statement, Action<IWarehouseRow> onRow) => warehouse.ReadResult(statement, onRow);

    /// <summary>The latest event instant, or null when the store holds no event.</summary>
    public long? LatestEventInstant() => EventSpan()?.Last;

    /// <summary>The first and last stored event instants (UTC µs), or null when the store holds no event; read afresh each time.</summary>
    public (long First, long Last)? EventSpan()
    {
        (long, long)? span = null;
        warehouse.Read($"SELECT {_plain.Int64("min(ts)")}, {_plain.Int64("max(ts)")}, {_plain.CountRows()} FROM sextant_events", row =>
        {
            if (row.GetInt64(2) > 0) span = (row.GetInt64(0), row.GetInt64(1));
        });
        return span;
    }

    /// <summary>Every stored event name.</summary>
    public List<string> EventNames()
    {
        var names = new List<string>();
        warehouse.Read("SELECT DISTINCT event FROM sextant_events", row => names.Add(row.GetString(0)));
        return names;
    }

    private SqlZoneOffsets? ZoneOffsetsOverEvents() => EventSpan() is { } span ? SqlZoneOffsets.Over(Zone, span.First, span.Last) : null;

    /// <summary>A calendar in the project zone whose precomputed days surround <paramref name="instant"/>.</summary>
    public ProjectCalendar CalendarAround(long instant)
    {
        var middle = instant == long.MinValue ? 0 : instant;
        return new ProjectCalendar(Zone, middle, middle);
    }

    /// <summary>Fails as the in-memory engine does when <paramref name="name"/> was never stored.</summary>
    /// <exception cref="SextantException">No event of that name is stored.</exception>
    public void RequireEvent(string name, string what, string? where = null)
    {
        var found = false;
        warehouse.Read($"SELECT {_plain.CountRows()} FROM (SELECT event FROM sextant_events WHERE event = {_plain.Literal(name)} LIMIT 1) AS found", row => found = row.GetInt64(0) > 0);
        if (found) return;
        throw new SextantException(NameCheck.Unknown(what, name, where, EventNames()));
    }

    /// <summary>
    /// Whether any profile's traits may hold <paramref name="column"/> as a key (the in-memory table
    /// lets such a trait replace the profile column). Text matching may also find it as a value: then
    /// the analysis merely runs in memory.
    /// </summary>
    public bool TraitNames(string column)
    {
        var found = false;
        warehouse.Read($"SELECT {_plain.CountRows()} FROM (SELECT user_id FROM sextant_users_current WHERE traits LIKE {_plain.Literal($"%\"{column}\"%")} LIMIT 1) AS named", row => found = row.GetInt64(0) > 0);
        return found;
    }

    /// <summary>The IANA name of a zone (Windows ids are converted), which is what SQL time-zone functions take.</summary>
    internal static string IanaName(TimeZoneInfo zone)
    {
        if (zone.HasIanaId) return zone.Id;
        return TimeZoneInfo.TryConvertWindowsIdToIanaId(zone.Id, out var iana) ? iana : zone.Id;
    }
}
