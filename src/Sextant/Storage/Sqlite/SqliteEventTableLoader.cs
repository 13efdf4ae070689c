using Sextant.Events;

namespace Sextant.Storage.Sqlite;

/// <summary>
/// Loads an SQLite store into an <see cref="EventTable"/>: the store decodes its columns through
/// the read port and <see cref="EventTableBuilder"/> builds the table, as for any store.
/// </summary>
internal static class SqliteEventTableLoader
{
    public static EventTable Load(SqliteStore store, TimeZoneInfo zone) => EventTableBuilder.Build(store, zone);
}
